package io.github.microconversions;

import java.util.Locale;

/**
 * The two kinds of conversion: a small step that signals intent, or the goal itself.
 */
public enum ConversionKind {

	/**
	 * A small step that signals intent, such as a product view or an add to cart.
	 */
	MICRO,

	/**
	 * The goal itself, usually revenue, such as a purchase or a lead.
	 */
	MACRO;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * Return the value of the {@code kind} tag for this kind.
	 * @return {@code micro} or {@code macro}
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
