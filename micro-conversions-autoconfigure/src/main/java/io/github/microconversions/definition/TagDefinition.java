package io.github.microconversions.definition;

import org.springframework.expression.Expression;

/**
 * A custom tag of an annotated method: its key and the parsed expression of its value.
 *
 * @param key the tag key, such as {@code category}
 * @param value the parsed expression of the value
 */
public record TagDefinition(String key, Expression value) {
}
