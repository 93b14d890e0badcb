/**
 * Auto-configuration: only wiring, and the properties it binds.
 */
@NullMarked
package io.github.microconversions.autoconfigure;

import org.jspecify.annotations.NullMarked;
