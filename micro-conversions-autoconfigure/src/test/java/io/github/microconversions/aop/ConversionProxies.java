package io.github.microconversions.aop;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.microconversions.aop.ConversionMethodInterceptor.Collaborators;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.journey.InMemoryJourneyStore;
import io.github.microconversions.journey.JourneyStore;
import io.github.microconversions.metrics.ConversionMeters;
import io.github.microconversions.metrics.VisitMeters;
import io.github.microconversions.recording.ConversionRecorder;
import io.github.microconversions.recording.TrackingErrors;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;

/**
 * Proxies a target as Spring Boot does (CGLIB), with the conversion advisor and nothing else.
 */
final class ConversionProxies {

	private final ConversionMethodRegistry registry = new ConversionMethodRegistry();

	private final Advisor advisor;

	ConversionProxies(MeterRegistry meterRegistry, int maxTagValues) {
		TrackingErrors errors = new TrackingErrors(meterRegistry, Ticker.systemTicker());
		Collaborators collaborators = new Collaborators(new ConversionMeters(meterRegistry, maxTagValues),
				new ConversionRecorder(journeys(meterRegistry), new VisitMeters(meterRegistry), errors,
						Clock.systemUTC()),
				errors, "EUR");
		this.advisor = new DefaultPointcutAdvisor(new ConversionPointcut(),
				new ConversionMethodInterceptor(this.registry, () -> collaborators));
	}

	private static JourneyStore journeys(MeterRegistry meterRegistry) {
		return new InMemoryJourneyStore(1000, Duration.ofDays(1), Duration.ofMinutes(30),
				new Funnels(List.of(), meterRegistry), meterRegistry,
				Ticker.systemTicker(), Runnable::run);
	}

	@SuppressWarnings("unchecked")
	<T> T proxy(T target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(this.advisor);
		return (T) factory.getProxy();
	}

}
