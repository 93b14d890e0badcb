package io.github.microconversions.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.microconversions.ConversionKind;
import io.github.microconversions.aop.ConversionMethodInterceptor;
import io.github.microconversions.aop.ConversionMethodInterceptor.Collaborators;
import io.github.microconversions.aop.ConversionMethodRegistry;
import io.github.microconversions.aop.ConversionPointcut;
import io.github.microconversions.endpoint.ConversionsEndpoint;
import io.github.microconversions.funnel.Funnel;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.journey.InMemoryJourneyStore;
import io.github.microconversions.metrics.ConversionCounters;
import io.github.microconversions.metrics.ConversionMeters;
import io.github.microconversions.metrics.VisitMeters;
import io.github.microconversions.recording.ConversionRecorder;
import io.github.microconversions.recording.TrackingErrors;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;

/**
 * The library wired as the auto-configuration wires it, around one registry, with a funnel whose
 * first step is the benchmarked conversion.
 */
final class Conversions {

	final ConversionMeters meters;

	final VisitMeters visitMeters;

	final Funnels funnels;

	final InMemoryJourneyStore journeys;

	final ConversionRecorder recorder;

	final ConversionsEndpoint endpoint;

	private final DefaultPointcutAdvisor advisor;

	Conversions(MeterRegistry registry, long maxVisitors) {
		this.meters = new ConversionMeters(registry, 100);
		this.visitMeters = new VisitMeters(registry);
		this.funnels = new Funnels(
				List.of(new Funnel("checkout", List.of("product-view", "add-to-cart"), Duration.ofHours(24))),
				registry);
		Clock clock = Clock.systemUTC();
		this.journeys = new InMemoryJourneyStore(maxVisitors, Duration.ofDays(30), Duration.ofMinutes(30),
				this.funnels, registry, Ticker.systemTicker(), ForkJoinPool.commonPool());
		TrackingErrors errors = new TrackingErrors(registry, Ticker.systemTicker());
		this.recorder = new ConversionRecorder(this.journeys, this.visitMeters, errors, clock);
		ConversionCounters productView = this.meters.declare("product-view", ConversionKind.MICRO, null);
		ConversionCounters addToCart = this.meters.declare("add-to-cart", ConversionKind.MICRO, null);
		this.funnels.bind((name) -> name.equals("product-view") ? productView.index()
				: name.equals("add-to-cart") ? addToCart.index() : -1);
		Collaborators collaborators = new Collaborators(this.meters, this.recorder, errors, "EUR");
		this.advisor = new DefaultPointcutAdvisor(new ConversionPointcut(),
				new ConversionMethodInterceptor(new ConversionMethodRegistry(), () -> collaborators));
		this.endpoint = new ConversionsEndpoint(this.meters, this.visitMeters, this.funnels, clock.instant());
	}

	Shop proxy(Shop target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(this.advisor);
		return (Shop) factory.getProxy();
	}

}
