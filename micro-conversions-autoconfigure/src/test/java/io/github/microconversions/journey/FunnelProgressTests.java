package io.github.microconversions.journey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.funnel.Funnel;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.visitor.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests funnel semantics through the journey store, with a controllable clock: ordered steps,
 * gaps allowed, one count per visitor per step per attempt, window expiry.
 */
class FunnelProgressTests {

	private static final List<String> CONVERSIONS = List.of("product-view", "add-to-cart", "checkout-started",
			"purchase", "newsletter-signup", "lead");

	private final AtomicLong nowMillis = new AtomicLong(1_795_000_000_000L);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Funnels funnels = new Funnels(List.of(
			new Funnel("checkout", List.of("product-view", "add-to-cart", "checkout-started", "purchase"),
					Duration.ofHours(24)),
			new Funnel("lead", List.of("newsletter-signup", "product-view", "lead"), Duration.ofDays(7))),
			this.registry);

	// Room for every visitor of every test: eviction is tested on its own.
	private final InMemoryJourneyStore store = new InMemoryJourneyStore(10_000, Duration.ofDays(30),
			Duration.ofMinutes(30), this.funnels, this.registry, () -> this.nowMillis.get() * 1_000_000,
			Runnable::run);

	FunnelProgressTests() {
		this.funnels.bind(CONVERSIONS::indexOf);
	}

	@Test
	void countsEachStepReachedInOrderAndTheTimeToConvert() {
		UUID visitor = visitor(Channel.SOCIAL);
		convert(visitor, "product-view");
		later(Duration.ofMinutes(3));
		convert(visitor, "add-to-cart");
		convert(visitor, "checkout-started");
		later(Duration.ofMinutes(1));
		convert(visitor, "purchase");
		assertThat(steps("checkout")).containsExactly(1L, 1L, 1L, 1L);
		assertThat(this.registry.get("conversion.funnel.step")
			.tags("funnel", "checkout", "step", "purchase", "channel", "social")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("conversion.funnel.duration").tag("funnel", "checkout").timer().totalTime(
				TimeUnit.SECONDS)).isEqualTo(240);
	}

	@Test
	void doesNotAdvanceOutOfOrder() {
		UUID visitor = visitor(Channel.DIRECT);
		convert(visitor, "purchase");
		convert(visitor, "product-view");
		convert(visitor, "checkout-started");
		convert(visitor, "purchase");
		assertThat(steps("checkout")).containsExactly(1L, 0L, 0L, 0L);
	}

	@Test
	void countsARepeatedStepOncePerAttempt() {
		UUID visitor = visitor(Channel.DIRECT);
		for (int i = 0; i < 3; i++) {
			convert(visitor, "product-view");
			convert(visitor, "add-to-cart");
		}
		assertThat(steps("checkout")).containsExactly(1L, 1L, 0L, 0L);
	}

	@Test
	void allowsOtherConversionsBetweenSteps() {
		UUID visitor = visitor(Channel.DIRECT);
		convert(visitor, "product-view");
		convert(visitor, "newsletter-signup");
		convert(visitor, "add-to-cart");
		convert(visitor, "lead");
		convert(visitor, "checkout-started");
		convert(visitor, "purchase");
		assertThat(steps("checkout")).containsExactly(1L, 1L, 1L, 1L);
	}

	@Test
	void abandonsAnAttemptWhenItsWindowRunsOutAtTheLastStepReached() {
		UUID visitor = visitor(Channel.DIRECT);
		convert(visitor, "product-view");
		convert(visitor, "add-to-cart");
		later(Duration.ofHours(24));
		this.store.expireAttempts(this.nowMillis.get());
		assertThat(abandoned("add-to-cart")).isZero();
		later(Duration.ofSeconds(1));
		this.store.expireAttempts(this.nowMillis.get());
		assertThat(abandoned("add-to-cart")).isEqualTo(1);
		assertThat(abandoned("product-view")).isZero();
		convert(visitor, "checkout-started");
		assertThat(steps("checkout")).containsExactly(1L, 1L, 0L, 0L);
	}

	@Test
	void startsASecondAttemptAfterTheFirstExpired() {
		UUID visitor = visitor(Channel.DIRECT);
		convert(visitor, "product-view");
		later(Duration.ofHours(25));
		convert(visitor, "add-to-cart");
		assertThat(abandoned("product-view")).isEqualTo(1);
		convert(visitor, "product-view");
		convert(visitor, "add-to-cart");
		convert(visitor, "checkout-started");
		convert(visitor, "purchase");
		assertThat(steps("checkout")).containsExactly(2L, 1L, 1L, 1L);
		convert(visitor, "product-view");
		assertThat(steps("checkout")).containsExactly(3L, 1L, 1L, 1L);
	}

	@Test
	void tracksSeveralFunnelsSharingAStepIndependently() {
		UUID visitor = visitor(Channel.EMAIL);
		convert(visitor, "newsletter-signup");
		convert(visitor, "product-view");
		convert(visitor, "add-to-cart");
		later(Duration.ofDays(2));
		convert(visitor, "lead");
		this.store.expireAttempts(this.nowMillis.get());
		assertThat(steps("checkout")).containsExactly(1L, 1L, 0L, 0L);
		assertThat(steps("lead")).containsExactly(1L, 1L, 1L);
		assertThat(abandoned("add-to-cart")).isEqualTo(1);
	}

	@Test
	void abandonsTheAttemptsOfAnEvictedVisitor() {
		InMemoryJourneyStore small = new InMemoryJourneyStore(1, Duration.ofDays(30), Duration.ofMinutes(30),
				this.funnels, new SimpleMeterRegistry(), () -> this.nowMillis.get() * 1_000_000, Runnable::run);
		UUID first = UUID.randomUUID();
		small.convert(first, CONVERSIONS.indexOf("product-view"), ConversionKind.MICRO, this.nowMillis.get());
		small.convert(UUID.randomUUID(), CONVERSIONS.indexOf("lead"), ConversionKind.MACRO, this.nowMillis.get());
		small.cleanUp();
		assertThat(abandoned("product-view")).isEqualTo(1);
	}

	@Test
	void countsConcurrentVisitorsExactly() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		List<Future<?>> futures = new ArrayList<>();
		for (int thread = 0; thread < 4; thread++) {
			futures.add(executor.submit(() -> {
				for (int i = 0; i < 500; i++) {
					UUID visitor = UUID.randomUUID();
					convert(visitor, "product-view");
					convert(visitor, "add-to-cart");
					if (i % 5 == 0) {
						convert(visitor, "checkout-started");
						convert(visitor, "purchase");
					}
				}
			}));
		}
		for (Future<?> future : futures) {
			future.get(60, TimeUnit.SECONDS);
		}
		executor.shutdown();
		assertThat(steps("checkout")).containsExactly(2000L, 2000L, 400L, 400L);
	}

	private UUID visitor(Channel channel) {
		UUID visitor = UUID.randomUUID();
		this.store.visit(visitor, this.nowMillis.get(), () -> channel);
		return visitor;
	}

	private void convert(UUID visitor, String conversion) {
		ConversionKind kind = conversion.equals("purchase") || conversion.equals("lead") ? ConversionKind.MACRO
				: ConversionKind.MICRO;
		this.store.convert(visitor, CONVERSIONS.indexOf(conversion), kind, this.nowMillis.get());
	}

	private void later(Duration duration) {
		this.nowMillis.addAndGet(duration.toMillis());
	}

	private List<Long> steps(String funnel) {
		int index = this.funnels.indexOf(funnel);
		List<Long> steps = new ArrayList<>();
		for (int step = 0; step < this.funnels.get(index).size(); step++) {
			steps.add(this.funnels.meters(index).reached(step));
		}
		return steps;
	}

	private double abandoned(String step) {
		return this.registry.get("conversion.funnel.abandoned").tags("funnel", "checkout", "step", step).counter().count();
	}

}
