/**
 * Visitors, visits and the channel a visit came from.
 */
@NullMarked
package io.github.microconversions.visitor;

import org.jspecify.annotations.NullMarked;
