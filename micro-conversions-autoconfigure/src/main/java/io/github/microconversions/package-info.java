/**
 * The annotations users put on their methods, and the programmatic {@link ConversionTracker}.
 */
@NullMarked
package io.github.microconversions;

import org.jspecify.annotations.NullMarked;
