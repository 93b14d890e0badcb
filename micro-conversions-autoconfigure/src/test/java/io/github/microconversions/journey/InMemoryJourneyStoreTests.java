package io.github.microconversions.journey;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.visitor.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryJourneyStore} with a controllable clock.
 */
class InMemoryJourneyStoreTests {

	private final AtomicLong nowMillis = new AtomicLong(1_795_000_000_000L);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final InMemoryJourneyStore store = new InMemoryJourneyStore(100, Duration.ofDays(30),
			Duration.ofMinutes(30), new Funnels(List.of(), this.registry), this.registry, () -> this.nowMillis.get() * 1_000_000, Runnable::run);

	@Test
	void startsVisitsAfterTheTimeoutAndKeepsTheChannelOfTheVisit() {
		UUID visitor = UUID.randomUUID();
		assertThat(visit(visitor, Channel.EMAIL)).isEqualTo(new VisitOutcome(Channel.EMAIL, true, true));
		this.nowMillis.addAndGet(Duration.ofMinutes(29).toMillis());
		assertThat(visit(visitor, Channel.SOCIAL)).isEqualTo(new VisitOutcome(Channel.EMAIL, false, false));
		this.nowMillis.addAndGet(Duration.ofMinutes(30).toMillis());
		assertThat(visit(visitor, Channel.SOCIAL)).isEqualTo(new VisitOutcome(Channel.SOCIAL, false, true));
		this.nowMillis.addAndGet(Duration.ofHours(2).toMillis());
		assertThat(visit(visitor, null)).isEqualTo(new VisitOutcome(Channel.SOCIAL, false, true));
	}

	@Test
	void countsAConversionFirstTimeOnceAndClassesMicroConversionsByTheFirstMacro() {
		UUID visitor = UUID.randomUUID();
		visit(visitor, Channel.PAID);
		// channel, newVisitor, firstTime, firstOfKind, firstConversion, beforeFirstMacro
		assertThat(convert(visitor, 0, ConversionKind.MICRO))
			.isEqualTo(new ConversionOutcome(Channel.PAID, false, true, true, true, true));
		assertThat(convert(visitor, 0, ConversionKind.MICRO))
			.isEqualTo(new ConversionOutcome(Channel.PAID, false, false, false, false, true));
		assertThat(convert(visitor, 70, ConversionKind.MACRO))
			.isEqualTo(new ConversionOutcome(Channel.PAID, false, true, true, false, true));
		assertThat(convert(visitor, 0, ConversionKind.MICRO))
			.isEqualTo(new ConversionOutcome(Channel.PAID, false, false, false, false, false));
		assertThat(convert(visitor, 1, ConversionKind.MICRO))
			.isEqualTo(new ConversionOutcome(Channel.PAID, false, true, false, false, false));
		assertThat(convert(UUID.randomUUID(), 70, ConversionKind.MACRO))
			.isEqualTo(new ConversionOutcome(Channel.DIRECT, true, true, true, true, true));
	}

	@Test
	void evictsForRoomAndCountsEveryEviction() {
		for (int i = 0; i < 250; i++) {
			visit(UUID.randomUUID(), Channel.DIRECT);
		}
		this.store.cleanUp();
		assertThat(this.store.size()).isEqualTo(100);
		assertThat(this.registry.get("conversion.journeys").gauge().value()).isEqualTo(100);
		assertThat(this.registry.get("conversion.journeys.evicted").counter().count()).isEqualTo(150);
	}

	@Test
	void expiresVisitorsIdleLongerThanTheIdleTimeoutWithoutCountingThemEvicted() {
		UUID regular = UUID.randomUUID();
		for (int i = 0; i < 10; i++) {
			visit(UUID.randomUUID(), Channel.DIRECT);
		}
		visit(regular, Channel.DIRECT);
		this.nowMillis.addAndGet(Duration.ofDays(20).toMillis());
		visit(regular, Channel.DIRECT);
		this.nowMillis.addAndGet(Duration.ofDays(11).toMillis());
		this.store.cleanUp();
		assertThat(this.store.size()).isEqualTo(1);
		assertThat(this.store.lastSeen(regular)).isGreaterThan(0);
		assertThat(this.registry.get("conversion.journeys.evicted").counter().count()).isZero();
	}

	private VisitOutcome visit(UUID visitor, Channel channel) {
		return this.store.visit(visitor, this.nowMillis.get(), () -> channel);
	}

	private ConversionOutcome convert(UUID visitor, int index, ConversionKind kind) {
		return this.store.convert(visitor, index, kind, this.nowMillis.get());
	}

}
