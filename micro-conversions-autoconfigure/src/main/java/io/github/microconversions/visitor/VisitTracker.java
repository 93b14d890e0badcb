package io.github.microconversions.visitor;

import java.time.Clock;
import java.util.UUID;

import io.github.microconversions.journey.JourneyStore;
import io.github.microconversions.journey.VisitOutcome;
import io.github.microconversions.metrics.VisitMeters;
import io.github.microconversions.recording.TrackingErrorReason;
import io.github.microconversions.recording.TrackingErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Decides who made a request and through which channel: a bot (counted apart), an anonymous
 * hit (a privacy signal, or no visitor), or a visitor whose journey the request continues.
 */
public class VisitTracker {

	private final BotDetector botDetector;

	private final VisitorResolver visitorResolver;

	private final ChannelClassifier channelClassifier;

	private final JourneyStore journeys;

	private final VisitMeters meters;

	private final Clock clock;

	private final boolean respectPrivacySignals;

	private final TrackingErrors errors;

	/**
	 * Create a new tracker.
	 * @param botDetector tells bots
	 * @param visitorResolver tells visitors
	 * @param channelClassifier tells channels
	 * @param journeys holds journeys
	 * @param meters the visit meters
	 * @param clock the time source
	 * @param respectPrivacySignals whether {@code Sec-GPC: 1} and {@code DNT: 1} make a request
	 * anonymous
	 * @param errors where a failing store is counted
	 */
	public VisitTracker(BotDetector botDetector, VisitorResolver visitorResolver, ChannelClassifier channelClassifier,
			JourneyStore journeys, VisitMeters meters, Clock clock, boolean respectPrivacySignals,
			TrackingErrors errors) {
		this.botDetector = botDetector;
		this.visitorResolver = visitorResolver;
		this.channelClassifier = channelClassifier;
		this.journeys = journeys;
		this.meters = meters;
		this.clock = clock;
		this.respectPrivacySignals = respectPrivacySignals;
		this.errors = errors;
	}

	/**
	 * Track a request.
	 * @param request the request
	 * @param response the response, still uncommitted, for a visitor cookie
	 * @return the request's context
	 */
	public VisitContext track(HttpServletRequest request, HttpServletResponse response) {
		if (this.botDetector.isBot(request)) {
			this.meters.bot();
			return VisitContext.BOT;
		}
		UUID visitor = hasPrivacySignal(request) ? null : this.visitorResolver.resolve(request, response);
		if (visitor == null) {
			return anonymous(request);
		}
		VisitOutcome outcome;
		try {
			outcome = this.journeys.visit(visitor, this.clock.millis(), () -> this.channelClassifier.classify(request));
		}
		catch (RuntimeException ex) {
			// Without its journey the request still counts, as an anonymous hit.
			this.errors.report(TrackingErrorReason.STORE, "visits", "Recording a visit failed; the request is "
					+ "counted as anonymous", ex);
			return anonymous(request);
		}
		this.meters.visit(outcome);
		return new VisitContext(visitor, outcome.channel(), false);
	}

	// An anonymous hit has no visit to inherit a channel from: its own request decides.
	private VisitContext anonymous(HttpServletRequest request) {
		Channel channel = this.channelClassifier.classify(request);
		return new VisitContext(null, (channel != null) ? channel : Channel.DIRECT, false);
	}

	private boolean hasPrivacySignal(HttpServletRequest request) {
		return this.respectPrivacySignals
				&& ("1".equals(request.getHeader("Sec-GPC")) || "1".equals(request.getHeader("DNT")));
	}

}
