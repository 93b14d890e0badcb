package io.github.microconversions.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.microconversions.ConversionKind;
import io.github.microconversions.ConversionTracker;
import io.github.microconversions.aop.ConversionMethodInterceptor;
import io.github.microconversions.aop.ConversionMethodInterceptor.Collaborators;
import io.github.microconversions.aop.ConversionMethodRegistry;
import io.github.microconversions.aop.ConversionMethodScanner;
import io.github.microconversions.aop.ConversionPointcut;
import io.github.microconversions.funnel.Funnel;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.journey.InMemoryJourneyStore;
import io.github.microconversions.journey.JourneyStore;
import io.github.microconversions.metrics.ConversionMeters;
import io.github.microconversions.metrics.VisitMeters;
import io.github.microconversions.recording.ConversionRecorder;
import io.github.microconversions.recording.DeclaredConversions;
import io.github.microconversions.recording.DefaultConversionTracker;
import io.github.microconversions.recording.FunnelAbandonmentSweeper;
import io.github.microconversions.recording.IdempotencyKeys;
import io.github.microconversions.recording.TrackingErrors;
import io.micrometer.core.instrument.MeterRegistry;
import org.aspectj.weaver.Advice;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration that records {@code @MicroConversion} and {@code @MacroConversion} calls,
 * and {@link ConversionTracker} calls, into Micrometer.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
		SimpleMetricsExportAutoConfiguration.class })
@ConditionalOnClass({ MeterRegistry.class, Advice.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "micro-conversions.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MicroConversionsProperties.class)
public final class MicroConversionsAutoConfiguration {

	// Static and infrastructure: created while post-processors are, they must not pull the
	// meter registry or this class in early.
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ConversionMethodRegistry conversionMethodRegistry() {
		return new ConversionMethodRegistry();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ConversionMethodScanner conversionMethodScanner(ConversionMethodRegistry conversionMethodRegistry) {
		return new ConversionMethodScanner(conversionMethodRegistry);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor conversionAdvisor(ConversionMethodRegistry conversionMethodRegistry, Environment environment,
			ObjectProvider<ConversionMeters> meters, ObjectProvider<ConversionRecorder> recorder,
			ObjectProvider<TrackingErrors> errors, ObjectProvider<MicroConversionsProperties> properties) {
		ConversionMethodInterceptor interceptor = new ConversionMethodInterceptor(conversionMethodRegistry,
				SingletonSupplier.of(() -> new Collaborators(meters.getObject(), recorder.getObject(),
						errors.getObject(), properties.getObject().getDefaultCurrency())));
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new ConversionPointcut(), interceptor);
		advisor.setOrder(environment.getProperty("micro-conversions.order", Integer.class,
				MicroConversionsProperties.DEFAULT_ORDER));
		return advisor;
	}

	@Bean
	ConversionMeters conversionMeters(MeterRegistry meterRegistry, MicroConversionsProperties properties) {
		return new ConversionMeters(meterRegistry, properties.getTags().getMaxValues());
	}

	@Bean
	TrackingErrors conversionTrackingErrors(MeterRegistry meterRegistry) {
		return new TrackingErrors(meterRegistry, Ticker.systemTicker());
	}

	@Bean
	Funnels conversionFunnels(MicroConversionsProperties properties, MeterRegistry meterRegistry) {
		List<Funnel> funnels = new ArrayList<>();
		properties.getFunnels()
			.forEach((name, funnel) -> funnels.add(new Funnel(name, funnel.getSteps(), funnel.getWindow())));
		return new Funnels(funnels, meterRegistry);
	}

	@Bean
	VisitMeters conversionVisitMeters(MeterRegistry meterRegistry) {
		return new VisitMeters(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean(JourneyStore.class)
	InMemoryJourneyStore journeyStore(MicroConversionsProperties properties, Funnels conversionFunnels,
			MeterRegistry meterRegistry, ObjectProvider<Clock> clock) {
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		// A journey must outlive its longest funnel window, or attempts would vanish unfinished.
		Duration idleTimeout = conversionFunnels.all()
			.stream()
			.map(Funnel::window)
			.reduce(properties.getStore().getIdleTimeout(), (a, b) -> (a.compareTo(b) >= 0) ? a : b);
		return new InMemoryJourneyStore(properties.getStore().getMaxVisitors(), idleTimeout,
				properties.getVisit().getTimeout(), conversionFunnels, meterRegistry,
				() -> TimeUnit.MILLISECONDS.toNanos(time.millis()), ForkJoinPool.commonPool());
	}

	@Bean
	ConversionRecorder conversionRecorder(JourneyStore journeyStore, VisitMeters conversionVisitMeters,
			TrackingErrors conversionTrackingErrors, ObjectProvider<Clock> clock) {
		return new ConversionRecorder(journeyStore, conversionVisitMeters, conversionTrackingErrors,
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	FunnelAbandonmentSweeper funnelAbandonmentSweeper(JourneyStore journeyStore, ObjectProvider<Clock> clock,
			TrackingErrors conversionTrackingErrors) {
		return new FunnelAbandonmentSweeper(journeyStore, clock.getIfAvailable(Clock::systemUTC),
				conversionTrackingErrors);
	}

	@Bean
	DeclaredConversions declaredConversions(ConversionMethodRegistry conversionMethodRegistry,
			ConversionMeters conversionMeters, Funnels conversionFunnels, MicroConversionsProperties properties) {
		Map<String, ConversionKind> programmatic = new LinkedHashMap<>();
		properties.getConversions().forEach((name, conversion) -> programmatic.put(name, conversion.getKind()));
		return new DeclaredConversions(conversionMethodRegistry, programmatic, conversionMeters,
				properties.getDefaultCurrency(), conversionFunnels);
	}

	@Bean
	@ConditionalOnMissingBean(ConversionTracker.class)
	DefaultConversionTracker conversionTracker(ConversionMeters conversionMeters, ConversionRecorder conversionRecorder,
			TrackingErrors conversionTrackingErrors, MicroConversionsProperties properties) {
		MicroConversionsProperties.Idempotency idempotency = properties.getIdempotency();
		return new DefaultConversionTracker(conversionMeters, conversionRecorder,
				new IdempotencyKeys(idempotency.getMaxKeys(), idempotency.getRetention(), Ticker.systemTicker()),
				conversionTrackingErrors);
	}

}
