package io.github.microconversions.funnel;

/**
 * Where a conversion stands in a funnel.
 *
 * @param funnel the funnel's index
 * @param step the step's index, from zero
 */
public record FunnelStep(int funnel, int step) {
}
