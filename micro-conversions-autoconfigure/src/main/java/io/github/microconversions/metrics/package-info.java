/**
 * The Micrometer meters of conversions, registered once and reused.
 */
@NullMarked
package io.github.microconversions.metrics;

import org.jspecify.annotations.NullMarked;
