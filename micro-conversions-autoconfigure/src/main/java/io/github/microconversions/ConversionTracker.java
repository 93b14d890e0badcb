package io.github.microconversions;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Records conversions from code, for what an annotation cannot express, such as a payment
 * webhook that confirms a purchase hours after the visitor left:
 * <pre class="code">
 * tracker.conversion("purchase").visitor(visitorId).revenue(amount, "EUR").idempotencyKey(orderId).record();
 * </pre>
 * A conversion recorded here must be declared, by an annotation or under
 * {@code micro-conversions.conversions.<name>.kind}. Recording never throws: a problem is
 * counted in {@code conversion.errors} and logged at most once a minute.
 */
public interface ConversionTracker {

	/**
	 * Return the visitor of the current request, to store with an order so that a later
	 * webhook can record the purchase for them. In cookie mode it is the value of the visitor's
	 * cookie.
	 * @return the visitor id, or empty outside a request, for a bot, or for an anonymous
	 * request (privacy signal, or visitor mode {@code none})
	 */
	Optional<String> currentVisitorId();

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
		 * Record the conversion for a visitor, instead of the current request's. The hit
		 * counts in the channel of the visitor's latest visit.
		 * @param visitorId an id from {@link #currentVisitorId()}, or {@code null} for an
		 * anonymous hit
		 * @return this recording
		 */
		Recording visitor(@Nullable String visitorId);

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
