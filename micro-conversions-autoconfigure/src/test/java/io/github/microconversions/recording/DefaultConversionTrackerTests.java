package io.github.microconversions.recording;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.journey.InMemoryJourneyStore;
import io.github.microconversions.journey.UnreachableJourneyStore;
import io.github.microconversions.journey.JourneyStore;
import io.github.microconversions.metrics.ConversionMeters;
import io.github.microconversions.metrics.VisitMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultConversionTracker}.
 */
class DefaultConversionTrackerTests {

	private final AtomicLong nanos = new AtomicLong();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DefaultConversionTracker tracker;

	DefaultConversionTrackerTests() {
		ConversionMeters meters = new ConversionMeters(this.registry, 100);
		meters.declare("purchase", ConversionKind.MACRO, "EUR");
		meters.declare("newsletter-signup", ConversionKind.MICRO, null);
		JourneyStore journeys = new InMemoryJourneyStore(1000, Duration.ofDays(30), Duration.ofMinutes(30),
				new Funnels(List.of(), this.registry), this.registry, this.nanos::get, Runnable::run);
		this.tracker = tracker(meters, journeys);
	}

	private DefaultConversionTracker tracker(ConversionMeters meters, JourneyStore journeys) {
		TrackingErrors errors = new TrackingErrors(this.registry, this.nanos::get);
		return new DefaultConversionTracker(meters,
				new ConversionRecorder(journeys, new VisitMeters(this.registry), errors, Clock.systemUTC()),
				new IdempotencyKeys(3, Duration.ofDays(7), this.nanos::get), errors);
	}

	@Test
	void countsTheHitWhenTheJourneyStoreFails() {
		ConversionMeters meters = new ConversionMeters(this.registry, 100);
		meters.declare("lead", ConversionKind.MACRO, "EUR");
		DefaultConversionTracker tracker = tracker(meters, new UnreachableJourneyStore());
		assertThat(tracker.conversion("lead").visitor("3f0c8c1e-2a4b-4d6e-8f10-1a2b3c4d5e6f").record()).isTrue();
		assertThat(hits("lead")).isEqualTo(1);
		assertThat(this.registry.get("conversion.errors").tag("reason", "store").counter().count()).isEqualTo(1);
	}

	@Test
	void recordsAConversionWithRevenue() {
		assertThat(this.tracker.conversion("purchase").revenue(new BigDecimal("42.50"), "EUR").record()).isTrue();
		assertThat(this.tracker.conversion("purchase").revenue(7.5, "EUR").record()).isTrue();
		assertThat(hits("purchase")).isEqualTo(2);
		assertThat(revenue("EUR")).isEqualTo(50.0);
	}

	@Test
	void countsARetriedIdempotencyKeyOnce() {
		for (int i = 0; i < 3; i++) {
			this.tracker.conversion("purchase").revenue(10, "EUR").idempotencyKey("order-1").record();
		}
		assertThat(this.tracker.conversion("purchase").revenue(10, "EUR").idempotencyKey("order-2").record()).isTrue();
		assertThat(this.tracker.conversion("purchase").idempotencyKey("order-2").record()).isFalse();
		assertThat(hits("purchase")).isEqualTo(2);
		assertThat(revenue("EUR")).isEqualTo(20.0);
	}

	@Test
	void forgetsIdempotencyKeysAfterTheirRetention() {
		this.tracker.conversion("purchase").idempotencyKey("order-1").record();
		this.nanos.addAndGet(Duration.ofDays(7).plusSeconds(1).toNanos());
		assertThat(this.tracker.conversion("purchase").idempotencyKey("order-1").record()).isTrue();
		assertThat(hits("purchase")).isEqualTo(2);
	}

	@Test
	void keepsMemoryBoundedUnderAFloodOfKeys() {
		for (int i = 0; i < 10_000; i++) {
			this.tracker.conversion("purchase").idempotencyKey("order-" + i + "x".repeat(1000)).record();
		}
		assertThat(hits("purchase")).isEqualTo(10_000);
	}

	@Test
	void countsAnUndeclaredConversionAsErrorWithoutCreatingASeries() {
		assertThat(this.tracker.conversion("typo").record()).isFalse();
		assertThat(this.registry.get("conversion.errors").tag("reason", "unknown-conversion").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.find("conversion.hits").tag("conversion", "typo").counters()).isEmpty();
	}

	@Test
	void countsInvalidRevenueAsErrorAndTheHitWithoutRevenue() {
		this.tracker.conversion("purchase").revenue(-5, "EUR").record();
		this.tracker.conversion("purchase").revenue(5, "EURO").record();
		this.tracker.conversion("newsletter-signup").revenue(5, "EUR").record();
		assertThat(hits("purchase")).isEqualTo(2);
		assertThat(hits("newsletter-signup")).isEqualTo(1);
		assertThat(revenue("EUR")).isZero();
		assertThat(this.registry.get("conversion.errors").tag("reason", "invalid-revenue").counter().count())
			.isEqualTo(3);
	}

	@Test
	void countsAVisitorOnceAcrossConversionsOfTheSameName() {
		String visitor = "3f0c8c1e-2a4b-4d6e-8f10-1a2b3c4d5e6f";
		for (int i = 0; i < 3; i++) {
			this.tracker.conversion("purchase").visitor(visitor).revenue(10, "EUR").record();
		}
		this.tracker.conversion("purchase").visitor("5f0c8c1e-2a4b-4d6e-8f10-1a2b3c4d5e6f").record();
		assertThat(hits("purchase")).isEqualTo(4);
		assertThat(this.registry.get("conversion.visitors")
			.tags("conversion", "purchase", "channel", "direct")
			.counter()
			.count()).isEqualTo(2);
	}

	@Test
	void countsAHostileVisitorIdAsAnonymous() {
		assertThat(this.tracker.conversion("purchase").visitor("x".repeat(10_000)).record()).isTrue();
		assertThat(hits("purchase")).isEqualTo(1);
		assertThat(this.registry.get("conversion.visitors").tag("conversion", "purchase").counter().count()).isZero();
		assertThat(this.registry.get("conversion.errors").tag("reason", "invalid-visitor").counter().count())
			.isEqualTo(1);
	}

	@Test
	void hasNoCurrentVisitorOutsideARequest() {
		assertThat(this.tracker.currentVisitorId()).isEmpty();
	}

	private double hits(String conversion) {
		return this.registry.get("conversion.hits").tags("conversion", conversion, "channel", "direct").counter().count();
	}

	private double revenue(String currency) {
		return this.registry.get("conversion.revenue")
			.tags("conversion", "purchase", "currency", currency, "channel", "direct")
			.counter()
			.count();
	}

}
