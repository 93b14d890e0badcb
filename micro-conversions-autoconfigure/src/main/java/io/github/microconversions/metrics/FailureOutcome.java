package io.github.microconversions.metrics;

import java.util.Locale;

/**
 * Why an annotated call was not a conversion: the values of the {@code outcome} tag of
 * {@code conversion.failures}.
 */
public enum FailureOutcome {

	/**
	 * The visitor's request was turned down: a 4xx status, binding errors, or a false condition.
	 */
	REJECTED,

	/**
	 * The server failed the visitor: an exception without a 4xx status, or a 5xx status.
	 */
	ERROR;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * Return the value of the {@code outcome} tag.
	 * @return {@code rejected} or {@code error}
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
