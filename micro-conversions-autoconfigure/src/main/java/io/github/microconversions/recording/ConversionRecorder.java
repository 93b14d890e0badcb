package io.github.microconversions.recording;

import io.github.microconversions.metrics.ConversionCounters;
import io.github.microconversions.metrics.FailureOutcome;
import io.github.microconversions.visitor.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a conversion, from an annotated call or from code, becomes numbers.
 */
public class ConversionRecorder {

	/**
	 * Record a conversion.
	 * @param counters the conversion's meters
	 * @param channel the channel of the visitor's visit
	 * @param revenue the revenue, or {@code null} for none
	 * @param currency the ISO 4217 code of the revenue
	 */
	public void success(ConversionCounters counters, Channel channel, @Nullable Double revenue, String currency) {
		counters.hit(channel);
		if (revenue != null) {
			counters.revenue(currency, channel, revenue);
		}
	}

	/**
	 * Record an annotated call that did not succeed.
	 * @param counters the conversion's meters
	 * @param outcome why it did not
	 */
	public void failure(ConversionCounters counters, FailureOutcome outcome) {
		counters.failure(outcome);
	}

}
