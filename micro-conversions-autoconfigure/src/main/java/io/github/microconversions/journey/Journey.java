package io.github.microconversions.journey;

import java.util.Arrays;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.visitor.Channel;

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
	 * Record a conversion.
	 * @param index the conversion's index
	 * @param kind its kind
	 * @param nowMillis the conversion time
	 * @return the outcome
	 */
	ConversionOutcome convert(int index, ConversionKind kind, long nowMillis) {
		int word = index >>> 6;
		if (word >= this.conversionsDone.length) {
			this.conversionsDone = Arrays.copyOf(this.conversionsDone, word + 1);
		}
		long bit = 1L << (index & 63);
		boolean firstTime = (this.conversionsDone[word] & bit) == 0;
		this.conversionsDone[word] |= bit;
		boolean beforeFirstMacro = this.firstMacroSeconds < 0;
		if (kind == ConversionKind.MACRO && beforeFirstMacro) {
			this.firstMacroSeconds = (int) (nowMillis / 1000);
		}
		this.lastSeenSeconds = Math.max(this.lastSeenSeconds, (int) (nowMillis / 1000));
		return new ConversionOutcome(currentChannel(), firstTime, beforeFirstMacro);
	}

}
