/**
 * Per-visitor journeys and the stores that hold them.
 */
@NullMarked
package io.github.microconversions.journey;

import org.jspecify.annotations.NullMarked;
