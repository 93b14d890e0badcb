/**
 * The advice around annotated methods: which methods, and what a call's outcome records.
 */
@NullMarked
package io.github.microconversions.aop;

import org.jspecify.annotations.NullMarked;
