package io.github.microconversions.recording;

import java.util.Optional;
import java.util.UUID;

import io.github.microconversions.ConversionTracker;
import io.github.microconversions.metrics.ConversionCounters;
import io.github.microconversions.metrics.ConversionMeters;
import io.github.microconversions.visitor.Channel;
import io.github.microconversions.visitor.CookieVisitorResolver;
import io.github.microconversions.visitor.VisitContext;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ConversionTracker} that records into the application's conversion meters.
 */
public class DefaultConversionTracker implements ConversionTracker {

	private final ConversionMeters meters;

	private final ConversionRecorder recorder;

	private final IdempotencyKeys idempotencyKeys;

	private final TrackingErrors errors;

	/**
	 * Create a new tracker.
	 * @param meters the conversion meters
	 * @param recorder the recorder
	 * @param idempotencyKeys the keys seen recently
	 * @param errors where failures are counted
	 */
	public DefaultConversionTracker(ConversionMeters meters, ConversionRecorder recorder,
			IdempotencyKeys idempotencyKeys, TrackingErrors errors) {
		this.meters = meters;
		this.recorder = recorder;
		this.idempotencyKeys = idempotencyKeys;
		this.errors = errors;
	}

	@Override
	public Optional<String> currentVisitorId() {
		UUID visitor = VisitContext.current().visitor();
		return (visitor != null) ? Optional.of(visitor.toString()) : Optional.empty();
	}

	@Override
	public Recording conversion(String name) {
		return new DefaultRecording(name);
	}

	private final class DefaultRecording implements Recording {

		private final String name;

		private @Nullable Number amount;

		private @Nullable String currency;

		private @Nullable String idempotencyKey;

		private @Nullable VisitContext visit;

		DefaultRecording(String name) {
			this.name = name;
		}

		@Override
		public Recording revenue(Number amount, String currency) {
			this.amount = amount;
			this.currency = currency;
			return this;
		}

		@Override
		public Recording visitor(@Nullable String visitorId) {
			UUID visitor = CookieVisitorResolver.parse(visitorId);
			if (visitorId != null && visitor == null) {
				DefaultConversionTracker.this.errors.report(TrackingErrorReason.INVALID_VISITOR, this.name,
						"ConversionTracker was given a visitor id for '" + this.name
								+ "' that is not one we issue; it is counted as an anonymous hit",
						null);
			}
			this.visit = (visitor != null) ? new VisitContext(visitor, Channel.DIRECT, false) : VisitContext.NONE;
			return this;
		}

		@Override
		public Recording idempotencyKey(String key) {
			this.idempotencyKey = key;
			return this;
		}

		@Override
		public boolean record() {
			try {
				return recordOrReject();
			}
			catch (RuntimeException ex) {
				DefaultConversionTracker.this.errors.report(TrackingErrorReason.INTERNAL, this.name,
						"Recording '" + this.name + "' from code failed", ex);
				return false;
			}
		}

		private boolean recordOrReject() {
			ConversionCounters counters = DefaultConversionTracker.this.meters.find(this.name);
			if (counters == null) {
				DefaultConversionTracker.this.errors.report(TrackingErrorReason.UNKNOWN_CONVERSION, this.name,
						"ConversionTracker was asked to record '" + this.name + "', which is not declared. Declare it "
								+ "with micro-conversions.conversions." + this.name + ".kind=micro|macro or an annotation",
						null);
				return false;
			}
			VisitContext visitContext = (this.visit != null) ? this.visit : VisitContext.current();
			if (visitContext.bot()) {
				return false;
			}
			if (this.idempotencyKey != null
					&& !DefaultConversionTracker.this.idempotencyKeys.claim(this.name, this.idempotencyKey)) {
				return false;
			}
			Double revenue = (this.amount != null) ? this.amount.doubleValue() : null;
			String currency = (this.currency != null) ? this.currency : "";
			DefaultConversionTracker.this.recorder.success(counters, visitContext, revenue, currency);
			return true;
		}

	}

}
