package io.github.microconversions.journey;

import io.github.microconversions.visitor.Channel;

/**
 * What a visitor's request did to their journey.
 *
 * @param channel the channel of the visitor's current visit
 * @param newVisitor whether the visitor was seen for the first time
 * @param newVisit whether the request started a visit
 */
public record VisitOutcome(Channel channel, boolean newVisitor, boolean newVisit) {
}
