package io.github.microconversions.recording;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.microconversions.journey.JourneyStore;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Ends funnel attempts whose window ran out, at most {@link #INTERVAL} after it did, whether or
 * not the visitor comes back, so that {@code conversion.funnel.abandoned} is never late by more.
 */
public class FunnelAbandonmentSweeper implements SmartLifecycle {

	/** How often attempts are checked. */
	public static final Duration INTERVAL = Duration.ofSeconds(30);

	private final JourneyStore journeys;

	private final Clock clock;

	private final TrackingErrors errors;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Create a new sweeper.
	 * @param journeys the store holding the attempts
	 * @param clock the time source
	 * @param errors where failures are counted
	 */
	public FunnelAbandonmentSweeper(JourneyStore journeys, Clock clock, TrackingErrors errors) {
		this.journeys = journeys;
		this.clock = clock;
		this.errors = errors;
	}

	/**
	 * End every attempt whose window ran out by now.
	 */
	public void sweep() {
		try {
			this.journeys.expireAttempts(this.clock.millis());
		}
		catch (RuntimeException ex) {
			this.errors.report(TrackingErrorReason.INTERNAL, "funnels", "Ending expired funnel attempts failed", ex);
		}
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "micro-conversions-funnels");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::sweep, INTERVAL.toMillis(), INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
