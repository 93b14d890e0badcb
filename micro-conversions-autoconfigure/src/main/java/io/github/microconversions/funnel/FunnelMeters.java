package io.github.microconversions.funnel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.microconversions.visitor.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * The meters of one funnel, registered at start-up for every step and channel: the one source
 * of the funnel's numbers for Prometheus and the Actuator endpoint alike.
 */
public final class FunnelMeters {

	/** Visitors reaching a step in order within the window. */
	public static final String STEP = "conversion.funnel.step";

	/** Time from the first step to the last. */
	public static final String DURATION = "conversion.funnel.duration";

	/** Attempts whose window ran out, at the last step reached. */
	public static final String ABANDONED = "conversion.funnel.abandoned";

	private final Counter[][] steps;

	private final Counter[] abandoned;

	private final Timer duration;

	FunnelMeters(Funnel funnel, MeterRegistry registry) {
		this.steps = new Counter[funnel.size()][];
		for (int step = 0; step < funnel.size(); step++) {
			String stepName = funnel.steps().get(step);
			this.steps[step] = Channel.ALL.stream()
				.map((channel) -> Counter.builder(STEP)
					.description("Visitors reaching a funnel step in order within the window")
					.tags("funnel", funnel.name(), "step", stepName, "channel", channel.tagValue())
					.register(registry))
				.toArray(Counter[]::new);
		}
		this.abandoned = funnel.steps()
			.subList(0, funnel.size() - 1)
			.stream()
			.map((stepName) -> Counter.builder(ABANDONED)
				.description("Funnel attempts whose window ran out, at the last step reached")
				.tags("funnel", funnel.name(), "step", stepName)
				.register(registry))
			.toArray(Counter[]::new);
		this.duration = Timer.builder(DURATION)
			.description("Time from a funnel's first step to its last")
			.tag("funnel", funnel.name())
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofSeconds(1))
			.maximumExpectedValue(funnel.window())
			.register(registry);
	}

	void stepReached(int step, Channel channel) {
		this.steps[step][channel.ordinal()].increment();
	}

	void completed(long seconds) {
		this.duration.record(seconds, TimeUnit.SECONDS);
	}

	void abandoned(int lastStepReached) {
		this.abandoned[lastStepReached].increment();
	}

	/**
	 * Return how many attempts reached a step through a channel.
	 * @param step the step's index
	 * @param channel the channel
	 * @return the count
	 */
	public long reached(int step, Channel channel) {
		return (long) this.steps[step][channel.ordinal()].count();
	}

	/**
	 * Return how many attempts reached a step.
	 * @param step the step's index
	 * @return the count over every channel
	 */
	public long reached(int step) {
		long total = 0;
		for (Counter counter : this.steps[step]) {
			total += (long) counter.count();
		}
		return total;
	}

	/**
	 * Return how many attempts ran out of time.
	 * @return the count over every step
	 */
	public long abandoned() {
		long total = 0;
		for (Counter counter : this.abandoned) {
			total += (long) counter.count();
		}
		return total;
	}

	/**
	 * Return the median time from first step to last, interpolated in the duration timer's
	 * histogram buckets as Prometheus's {@code histogram_quantile(0.5, ..)} does over the same
	 * buckets, to the second.
	 * @return the median, or {@code null} before anyone completed the funnel
	 */
	public @Nullable Duration medianTimeToConvert() {
		HistogramSnapshot snapshot = this.duration.takeSnapshot();
		if (snapshot.count() == 0) {
			return null;
		}
		double rank = snapshot.count() / 2.0;
		double lowerBound = 0;
		double lowerCount = 0;
		for (CountAtBucket bucket : snapshot.histogramCounts()) {
			double upperBound = bucket.bucket(TimeUnit.SECONDS);
			if (bucket.count() >= rank) {
				double fraction = (rank - lowerCount) / (bucket.count() - lowerCount);
				return Duration.ofSeconds(Math.round(lowerBound + (upperBound - lowerBound) * fraction));
			}
			lowerBound = upperBound;
			lowerCount = bucket.count();
		}
		return Duration.ofSeconds(Math.round(snapshot.max(TimeUnit.SECONDS)));
	}

}
