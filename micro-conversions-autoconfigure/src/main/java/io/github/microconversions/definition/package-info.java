/**
 * What a conversion is: its name, kind and expressions, read once from annotations and checked
 * at start-up.
 */
@NullMarked
package io.github.microconversions.definition;

import org.jspecify.annotations.NullMarked;
