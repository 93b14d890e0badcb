package io.github.microconversions.journey;

import java.util.Arrays;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.funnel.FunnelStep;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.visitor.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One visitor's journey, kept compact: channels as ordinals, times as epoch seconds, the
 * conversions done as bits (the first 64 in a field, any others in an array), funnel attempts
 * as packed longs. Not thread-safe: the store mutates it holding its monitor.
 */
final class Journey {

	private static final long[] NONE = new long[0];

	private static final int BITS = Long.SIZE;

	// Kept for the endpoint's first-touch attribution.
	private final byte firstChannel;

	private byte currentChannel;

	private int visits;

	private int lastSeenSeconds;

	private int firstMacroSeconds = -1;

	private long conversionsDone;

	private long[] moreConversionsDone = NONE;

	private boolean microDone;

	private long @Nullable [] funnelAttempts;

	Journey(Channel channel) {
		this.firstChannel = (byte) channel.ordinal();
		this.currentChannel = this.firstChannel;
	}

	Channel currentChannel() {
		return Channel.ALL.get(this.currentChannel);
	}

	/**
	 * Return whether the journey was just created: no request and no conversion yet.
	 * @return {@code true} for a visitor first seen
	 */
	boolean isUntouched() {
		return this.visits == 0 && this.lastSeenSeconds == 0;
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
		boolean firstTime = markDone(index);
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
			if (this.funnelAttempts == null) {
				this.funnelAttempts = new long[funnels.size()];
			}
			FunnelProgress.advance(this.funnelAttempts, steps, funnels, currentChannel(), nowMillis / 1000);
		}
		return new ConversionOutcome(currentChannel(), newVisitor, firstTime, firstOfKind, firstConversion,
				beforeFirstMacro);
	}

	void expireAttempts(Funnels funnels, long nowMillis) {
		if (this.funnelAttempts != null) {
			FunnelProgress.expire(this.funnelAttempts, funnels, nowMillis / 1000);
		}
	}

	void abandonAttempts(Funnels funnels) {
		if (this.funnelAttempts != null) {
			FunnelProgress.abandonAll(this.funnelAttempts, funnels);
		}
	}

	private boolean markDone(int index) {
		if (index < BITS) {
			long bit = 1L << index;
			boolean first = (this.conversionsDone & bit) == 0;
			this.conversionsDone |= bit;
			return first;
		}
		int word = index / BITS - 1;
		if (word >= this.moreConversionsDone.length) {
			this.moreConversionsDone = Arrays.copyOf(this.moreConversionsDone, word + 1);
		}
		long bit = 1L << (index % BITS);
		boolean first = (this.moreConversionsDone[word] & bit) == 0;
		this.moreConversionsDone[word] |= bit;
		return first;
	}

}
