package io.github.microconversions.metrics;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.journey.ConversionOutcome;
import io.github.microconversions.journey.VisitOutcome;
import io.github.microconversions.visitor.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of visits, new visitors and bots, registered once for every channel, and the
 * engagement of visitors: how many did a micro, a macro, or any conversion.
 */
public final class VisitMeters {

	/** Visits started. */
	public static final String VISITS = "conversion.visits";

	/** Visitors first seen. */
	public static final String NEW_VISITORS = "conversion.visitors.new";

	/** Bot requests ignored. */
	public static final String BOTS = "conversion.bots";

	private final Counter[] visits;

	private final Counter[] newVisitors;

	private final Counter bots;

	private final LongAdder microConverted = new LongAdder();

	private final LongAdder macroConverted = new LongAdder();

	private final LongAdder converted = new LongAdder();

	/**
	 * Register the meters.
	 * @param registry where to register
	 */
	public VisitMeters(MeterRegistry registry) {
		this.visits = byChannel((channel) -> Counter.builder(VISITS)
			.description("Visits started")
			.tag("channel", channel.tagValue())
			.register(registry));
		this.newVisitors = byChannel((channel) -> Counter.builder(NEW_VISITORS)
			.description("Visitors first seen")
			.tag("channel", channel.tagValue())
			.register(registry));
		this.bots = Counter.builder(BOTS).description("Bot requests ignored").register(registry);
	}

	/**
	 * Count what a visitor's request did.
	 * @param outcome the outcome of the request
	 */
	public void visit(VisitOutcome outcome) {
		if (outcome.newVisit()) {
			this.visits[outcome.channel().ordinal()].increment();
		}
		if (outcome.newVisitor()) {
			this.newVisitors[outcome.channel().ordinal()].increment();
		}
	}

	/**
	 * Count a visitor first seen through a conversion recorded from code.
	 * @param channel the channel the hit counts in
	 */
	public void newVisitor(Channel channel) {
		this.newVisitors[channel.ordinal()].increment();
	}

	/**
	 * Count what a conversion did to a visitor's engagement.
	 * @param outcome the conversion's outcome
	 * @param kind the conversion's kind
	 */
	public void engagement(ConversionOutcome outcome, ConversionKind kind) {
		if (outcome.firstConversion()) {
			this.converted.increment();
		}
		if (outcome.firstOfKind()) {
			(kind == ConversionKind.MICRO ? this.microConverted : this.macroConverted).increment();
		}
	}

	/**
	 * Return the visitors first seen.
	 * @return the count over every channel
	 */
	public long visitors() {
		return sum(this.newVisitors);
	}

	/**
	 * Return the visits started.
	 * @return the count over every channel
	 */
	public long visits() {
		return sum(this.visits);
	}

	/**
	 * Return the visitors who did at least one conversion of a kind.
	 * @param kind the kind
	 * @return the count
	 */
	public long converted(ConversionKind kind) {
		return (kind == ConversionKind.MICRO ? this.microConverted : this.macroConverted).sum();
	}

	/**
	 * Return the visitors who did at least one conversion of any kind.
	 * @return the count
	 */
	public long converted() {
		return this.converted.sum();
	}

	/**
	 * Count a bot's request.
	 */
	public void bot() {
		this.bots.increment();
	}

	private static long sum(Counter[] counters) {
		long total = 0;
		for (Counter counter : counters) {
			total += (long) counter.count();
		}
		return total;
	}

	private static Counter[] byChannel(Function<Channel, Counter> registration) {
		return Channel.ALL.stream().map(registration).toArray(Counter[]::new);
	}

}
