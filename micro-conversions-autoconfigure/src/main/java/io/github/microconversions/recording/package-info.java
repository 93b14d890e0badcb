/**
 * Recording conversions, from annotated calls and from code, and counting what goes wrong.
 */
@NullMarked
package io.github.microconversions.recording;

import org.jspecify.annotations.NullMarked;
