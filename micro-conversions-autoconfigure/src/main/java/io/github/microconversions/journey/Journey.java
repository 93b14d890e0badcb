package io.github.microconversions.journey;

import java.util.Arrays;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.funnel.FunnelStep;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.visitor.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One visitor's journey, kept compact: channels as ordinals, times as epoch seconds, the
 * conversions done as bits. Not thread-safe: the store mutates it under its per-key atomicity.
 */
final class Journey {

	private static final long[] NONE = new long[0];

	// Kept for the endpoint's first-touch attribution.
	private final byte firstChannel;

	private byte currentChannel;

	private int visits;

	private int lastSeenSeconds;

	private int firstMacroSeconds = -1;

	private long[] conversionsDone = NONE;

	private boolean microDone;

	private @Nullable FunnelProgress funnelProgress;

	Journey(Channel channel) {
		this.firstChannel = (byte) channel.ordinal();
		this.currentChannel = this.firstChannel;
	}

	Channel currentChannel() {
		return Channel.ALL.get(this.currentChannel);
	}

	long lastSeenMillis() {
		return this.lastSeenSeconds * 1000L;
	}

	/**
	 * Record a request.
	 * @param nowMillis the request time
	 * @param timeoutMillis the visit timeout
	 * @return whether the request started a visit
	 */
	boolean touch(long nowMillis, long timeoutMillis) {
		boolean newVisit = this.visits == 0 || nowMillis - lastSeenMillis() >= timeoutMillis;
		if (newVisit) {
			this.visits++;
		}
		this.lastSeenSeconds = (int) (nowMillis / 1000);
		return newVisit;
	}

	void startVisit(Channel channel) {
		this.currentChannel = (byte) channel.ordinal();
	}

	/**
	 * Record a conversion and advance the funnels it is a step of.
	 * @param index the conversion's index
	 * @param kind its kind
	 * @param nowMillis the conversion time
	 * @param funnels the application's funnels
	 * @param newVisitor whether the journey was just created
	 * @return the outcome
	 */
	ConversionOutcome convert(int index, ConversionKind kind, long nowMillis, Funnels funnels, boolean newVisitor) {
		int word = index >>> 6;
		if (word >= this.conversionsDone.length) {
			this.conversionsDone = Arrays.copyOf(this.conversionsDone, word + 1);
		}
		long bit = 1L << (index & 63);
		boolean firstTime = (this.conversionsDone[word] & bit) == 0;
		this.conversionsDone[word] |= bit;
		boolean beforeFirstMacro = this.firstMacroSeconds < 0;
		boolean firstConversion = beforeFirstMacro && !this.microDone;
		boolean firstOfKind;
		if (kind == ConversionKind.MACRO) {
			firstOfKind = beforeFirstMacro;
			if (beforeFirstMacro) {
				this.firstMacroSeconds = (int) (nowMillis / 1000);
			}
		}
		else {
			firstOfKind = !this.microDone;
			this.microDone = true;
		}
		this.lastSeenSeconds = Math.max(this.lastSeenSeconds, (int) (nowMillis / 1000));
		FunnelStep[] steps = funnels.stepsOf(index);
		if (steps.length > 0) {
			if (this.funnelProgress == null) {
				this.funnelProgress = new FunnelProgress(funnels.size());
			}
			this.funnelProgress.advance(steps, funnels, currentChannel(), nowMillis / 1000);
		}
		return new ConversionOutcome(currentChannel(), newVisitor, firstTime, firstOfKind, firstConversion,
				beforeFirstMacro);
	}

	boolean hasExpiredAttempt(Funnels funnels, long nowMillis) {
		return this.funnelProgress != null && this.funnelProgress.hasExpired(funnels, nowMillis / 1000);
	}

	void expireAttempts(Funnels funnels, long nowMillis) {
		if (this.funnelProgress != null) {
			this.funnelProgress.expire(funnels, nowMillis / 1000);
		}
	}

	void abandonAttempts(Funnels funnels) {
		if (this.funnelProgress != null) {
			this.funnelProgress.abandonAll(funnels);
		}
	}

}
