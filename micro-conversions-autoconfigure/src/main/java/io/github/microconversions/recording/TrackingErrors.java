package io.github.microconversions.recording;

import java.time.Duration;
import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Counts every failure of the bookkeeping in {@code conversion.errors} and logs it at WARN at
 * most once a minute per reason and subject, so that a failing expression on a busy endpoint
 * neither breaks requests nor floods the log.
 */
public final class TrackingErrors {

	/** Failures of expressions or stores; the request never fails. */
	public static final String ERRORS = "conversion.errors";

	private static final Log logger = LogFactory.getLog(TrackingErrors.class);

	private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

	// Bounded: a subject may come from a caller (an unknown conversion name).
	private static final int MAX_SUBJECTS = 1024;

	private final Counter[] counters;

	private final Cache<String, Boolean> recentlyLogged;

	/**
	 * Create a new instance.
	 * @param registry where to register {@code conversion.errors}
	 * @param ticker the time source of the once-a-minute log limit
	 */
	public TrackingErrors(MeterRegistry registry, Ticker ticker) {
		this.counters = Arrays.stream(TrackingErrorReason.values())
			.map((reason) -> Counter.builder(ERRORS)
				.description("Failures of conversion tracking; the request never fails")
				.tag("reason", reason.tagValue())
				.register(registry))
			.toArray(Counter[]::new);
		this.recentlyLogged = Caffeine.newBuilder()
			.maximumSize(MAX_SUBJECTS)
			.expireAfterWrite(LOG_INTERVAL)
			.ticker(ticker)
			.build();
	}

	/**
	 * Count a failure and log it unless the same reason and subject were logged within the
	 * last minute.
	 * @param reason why it failed
	 * @param subject what failed, such as the conversion name
	 * @param message what happened and what to fix
	 * @param cause the exception, if any
	 */
	public void report(TrackingErrorReason reason, String subject, String message, @Nullable Throwable cause) {
		this.counters[reason.ordinal()].increment();
		String key = reason.tagValue() + ':' + subject;
		if (this.recentlyLogged.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
			logger.warn(message + " (counted in " + ERRORS + "{reason=\"" + reason.tagValue()
					+ "\"}; logged at most once a minute)", cause);
		}
	}

}
