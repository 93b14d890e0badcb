/**
 * Funnels: ordered steps within a window, and their meters.
 */
@NullMarked
package io.github.microconversions.funnel;

import org.jspecify.annotations.NullMarked;
