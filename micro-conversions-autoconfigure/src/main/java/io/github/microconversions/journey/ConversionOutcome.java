package io.github.microconversions.journey;

import io.github.microconversions.visitor.Channel;

/**
 * What a conversion did to a visitor's journey.
 *
 * @param channel the channel of the visitor's latest visit
 * @param firstTime whether the visitor did this conversion for the first time
 * @param beforeFirstMacro whether the visitor had done no macro conversion before this one: a
 * micro conversion is then a milestone, otherwise a secondary conversion
 */
public record ConversionOutcome(Channel channel, boolean firstTime, boolean beforeFirstMacro) {
}
