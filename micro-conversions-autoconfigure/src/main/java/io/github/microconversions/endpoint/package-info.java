/**
 * The {@code conversions} Actuator endpoint and its payloads.
 */
@NullMarked
package io.github.microconversions.endpoint;

import org.jspecify.annotations.NullMarked;
