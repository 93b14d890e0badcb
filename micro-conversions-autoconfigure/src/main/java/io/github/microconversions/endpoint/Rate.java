package io.github.microconversions.endpoint;

import org.jspecify.annotations.Nullable;

/**
 * A rate with its 95% Wilson score interval, so that a low-traffic site sees how sure it is.
 *
 * @param value the observed fraction, 0..1
 * @param low the interval's lower bound
 * @param high the interval's upper bound
 */
public record Rate(double value, double low, double high) {

	private static final double Z = 1.959963984540054;

	/**
	 * Return the rate of successes among trials.
	 * @param successes how many succeeded
	 * @param trials how many tried
	 * @return the rate, or {@code null} when there were no trials
	 */
	public static @Nullable Rate of(long successes, long trials) {
		if (trials <= 0) {
			return null;
		}
		double n = trials;
		double p = Math.min(successes, trials) / n;
		double z2 = Z * Z;
		double denominator = 1 + z2 / n;
		double center = (p + z2 / (2 * n)) / denominator;
		double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
		// At the ends the bound is exact; floating point would make it 0.9999999999999998.
		double low = (successes <= 0) ? 0 : Math.max(0, center - half);
		double high = (successes >= trials) ? 1 : Math.min(1, center + half);
		return new Rate(p, low, high);
	}

}
