package io.github.microconversions.journey;

import io.github.microconversions.visitor.Channel;

/**
 * What a conversion did to a visitor's journey.
 *
 * @param channel the channel of the visitor's latest visit
 * @param newVisitor whether the visitor was not held before (a conversion recorded from code
 * for a visitor first seen, or evicted)
 * @param firstTime whether the visitor did this conversion for the first time
 * @param firstOfKind whether it is the visitor's first conversion of its kind
 * @param firstConversion whether it is the visitor's first conversion of any kind
 * @param beforeFirstMacro whether the visitor had done no macro conversion before this one: a
 * micro conversion is then a milestone, otherwise a secondary conversion
 */
public record ConversionOutcome(Channel channel, boolean newVisitor, boolean firstTime, boolean firstOfKind,
		boolean firstConversion, boolean beforeFirstMacro) {
}
