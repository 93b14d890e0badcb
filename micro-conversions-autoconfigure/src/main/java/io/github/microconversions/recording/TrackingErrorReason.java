package io.github.microconversions.recording;

/**
 * Why recording a conversion went wrong: the values of the {@code reason} tag of
 * {@code conversion.errors}.
 */
public enum TrackingErrorReason {

	/** A condition, revenue or tag expression failed or returned the wrong type. */
	EXPRESSION("expression"),

	/** A revenue that is negative, not a number, of an unknown currency, or on a micro conversion. */
	INVALID_REVENUE("invalid-revenue"),

	/** {@code ConversionTracker} was asked for a conversion that is not declared. */
	UNKNOWN_CONVERSION("unknown-conversion"),

	/** {@code ConversionTracker} was given a visitor id that is not one we issue. */
	INVALID_VISITOR("invalid-visitor"),

	/** The journey store failed; the hit still counts in the aggregate meters. */
	STORE("store"),

	/** Any other failure of the bookkeeping itself. */
	INTERNAL("internal");

	private final String tagValue;

	TrackingErrorReason(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * Return the value of the {@code reason} tag.
	 * @return the tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
