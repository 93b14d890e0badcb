package io.github.microconversions.journey;

import java.util.UUID;
import java.util.function.Supplier;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.visitor.Channel;
import org.jspecify.annotations.Nullable;

/**
 * Holds each visitor's journey: channels, visits, and the conversions done. Each operation is
 * atomic for its visitor.
 */
public interface JourneyStore {

	/**
	 * Record a request of a visitor, starting a visit if the last one ended.
	 * @param visitor the visitor
	 * @param nowMillis the request time in epoch milliseconds
	 * @param visitChannel the channel the request shows, asked only when a visit starts; it
	 * returns {@code null} when the request shows nothing new (a link from the site itself),
	 * and the visitor's previous channel is kept
	 * @return what the request did
	 */
	VisitOutcome visit(UUID visitor, long nowMillis, Supplier<@Nullable Channel> visitChannel);

	/**
	 * Record a conversion of a visitor and advance the funnels it is a step of.
	 * @param visitor the visitor
	 * @param conversionIndex the conversion's index, below {@code ConversionMeters#size()}
	 * @param kind the conversion's kind
	 * @param nowMillis the conversion time in epoch milliseconds
	 * @return what the conversion did
	 */
	ConversionOutcome convert(UUID visitor, int conversionIndex, ConversionKind kind, long nowMillis);

	/**
	 * End every funnel attempt whose window ran out, counting it abandoned, whether or not the
	 * visitor came back.
	 * @param nowMillis the current time in epoch milliseconds
	 */
	void expireAttempts(long nowMillis);

	/**
	 * Return when a visitor was last seen.
	 * @param visitor the visitor
	 * @return epoch milliseconds, or {@code -1} if the visitor is not held
	 */
	long lastSeen(UUID visitor);

	/**
	 * Return how many visitors are held.
	 * @return the number of journeys
	 */
	long size();

}
