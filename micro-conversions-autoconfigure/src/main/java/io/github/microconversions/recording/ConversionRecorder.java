package io.github.microconversions.recording;

import java.time.Clock;
import java.util.Currency;
import java.util.UUID;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.journey.ConversionOutcome;
import io.github.microconversions.journey.JourneyStore;
import io.github.microconversions.metrics.ConversionCounters;
import io.github.microconversions.metrics.FailureOutcome;
import io.github.microconversions.metrics.VisitMeters;
import io.github.microconversions.visitor.Channel;
import io.github.microconversions.visitor.VisitContext;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a conversion, from an annotated call or from code, becomes numbers: the
 * aggregate meters, and the visitor's journey when the visitor is known.
 */
public class ConversionRecorder {

	private final JourneyStore journeys;

	private final VisitMeters visitMeters;

	private final TrackingErrors errors;

	private final Clock clock;

	/**
	 * Create a new recorder.
	 * @param journeys the visitors' journeys
	 * @param visitMeters the visit meters, for visitors first seen through a conversion and
	 * their engagement
	 * @param errors where a failing store is counted
	 * @param clock the time source
	 */
	public ConversionRecorder(JourneyStore journeys, VisitMeters visitMeters, TrackingErrors errors, Clock clock) {
		this.journeys = journeys;
		this.visitMeters = visitMeters;
		this.errors = errors;
		this.clock = clock;
	}

	/**
	 * Record a conversion.
	 * @param counters the conversion's meters
	 * @param visit who converted, and through which channel; a bot records nothing
	 * @param revenue the revenue, or {@code null} for none; one that is negative, not a number,
	 * of an unknown currency or on a micro conversion is counted as an error and left out
	 * @param currency the ISO 4217 code of the revenue
	 */
	public void success(ConversionCounters counters, VisitContext visit, @Nullable Double revenue, String currency) {
		if (visit.bot()) {
			return;
		}
		Channel channel = visit.channel();
		ConversionOutcome outcome = (visit.visitor() != null) ? convert(visit.visitor(), counters) : null;
		if (outcome != null) {
			channel = outcome.channel();
			if (outcome.newVisitor()) {
				this.visitMeters.newVisitor(channel);
			}
			this.visitMeters.engagement(outcome, counters.kind());
			if (outcome.firstTime()) {
				counters.firstTimeVisitor(channel);
			}
			if (counters.kind() == ConversionKind.MICRO) {
				counters.journeyStage(outcome.beforeFirstMacro());
			}
		}
		counters.hit(channel);
		if (revenue != null && acceptsRevenue(counters, revenue, currency)) {
			counters.revenue(currency, channel, revenue);
		}
	}

	// The one check of revenue, whether it came from an annotation's expression or from code.
	private boolean acceptsRevenue(ConversionCounters counters, double revenue, String currency) {
		String problem = null;
		if (counters.kind() == ConversionKind.MICRO) {
			problem = "is a micro conversion, which carries no revenue; declare it macro";
		}
		else if (!Double.isFinite(revenue) || revenue < 0) {
			problem = "was given the revenue " + revenue + "; revenue must be a non-negative number";
		}
		else if (!isCurrency(currency)) {
			problem = "was given the currency '" + currency + "', which is not an ISO 4217 code";
		}
		if (problem != null) {
			this.errors.report(TrackingErrorReason.INVALID_REVENUE, counters.name(),
					"Conversion '" + counters.name() + "' " + problem + "; it is counted without revenue", null);
			return false;
		}
		return true;
	}

	private static boolean isCurrency(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	// A failing store costs the visitor's journey, never the hit.
	private @Nullable ConversionOutcome convert(UUID visitor, ConversionCounters counters) {
		try {
			return this.journeys.convert(visitor, counters.index(), counters.kind(), this.clock.millis());
		}
		catch (RuntimeException ex) {
			this.errors.report(TrackingErrorReason.STORE, counters.name(), "Recording the journey of a visitor who did '"
					+ counters.name() + "' failed; the hit is counted without it", ex);
			return null;
		}
	}

	/**
	 * Record an annotated call that did not succeed.
	 * @param counters the conversion's meters
	 * @param visit who made the call; a bot records nothing
	 * @param outcome why it did not succeed
	 */
	public void failure(ConversionCounters counters, VisitContext visit, FailureOutcome outcome) {
		if (!visit.bot()) {
			counters.failure(outcome);
		}
	}

}
