package io.github.microconversions;

/**
 * Records conversions from code, for what an annotation cannot express, such as a payment
 * webhook that confirms a purchase hours after the visitor left:
 * <pre class="code">
 * tracker.conversion("purchase").revenue(amount, "EUR").idempotencyKey(orderId).record();
 * </pre>
 * A conversion recorded here must be declared, by an annotation or under
 * {@code micro-conversions.conversions.<name>.kind}. Recording never throws: a problem is
 * counted in {@code conversion.errors} and logged at most once a minute.
 */
public interface ConversionTracker {

	/**
	 * Start recording a conversion.
	 * @param name the name of a declared conversion
	 * @return a recording to complete and {@linkplain Recording#record() record}
	 */
	Recording conversion(String name);

	/**
	 * A conversion about to be recorded.
	 */
	interface Recording {

		/**
		 * Set the revenue of a macro conversion.
		 * @param amount a non-negative amount
		 * @param currency an ISO 4217 code such as {@code EUR}
		 * @return this recording
		 */
		Recording revenue(Number amount, String currency);

		/**
		 * Set a key, such as an order id, under which the conversion counts only once, so
		 * that a retried webhook is not counted twice.
		 * @param key the idempotency key
		 * @return this recording
		 */
		Recording idempotencyKey(String key);

		/**
		 * Record the conversion.
		 * @return {@code true} if it was counted, {@code false} if it was a repeat of an
		 * idempotency key or could not be recorded (see {@code conversion.errors})
		 */
		boolean record();

	}

}
