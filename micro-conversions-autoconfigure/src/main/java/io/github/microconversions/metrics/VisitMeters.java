package io.github.microconversions.metrics;

import java.util.function.Function;

import io.github.microconversions.journey.VisitOutcome;
import io.github.microconversions.visitor.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of visits, new visitors and bots, registered once for every channel.
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
	 * Count a bot's request.
	 */
	public void bot() {
		this.bots.increment();
	}

	private static Counter[] byChannel(Function<Channel, Counter> registration) {
		return Channel.ALL.stream().map(registration).toArray(Counter[]::new);
	}

}
