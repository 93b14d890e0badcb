package io.github.microconversions.visitor;

import java.util.List;
import java.util.Locale;

/**
 * Where a visit came from: the fixed set of values of every {@code channel} tag.
 */
public enum Channel {

	/** No referrer and no campaign: typed, bookmarked, or stripped. */
	DIRECT,

	/** A search engine's unpaid results. */
	ORGANIC_SEARCH,

	/** Paid search or paid social, from a click id or {@code utm_medium=cpc}. */
	PAID,

	/** A social network. */
	SOCIAL,

	/** A link in an email. */
	EMAIL,

	/** A link on another site. */
	REFERRAL,

	/** A tagged campaign that fits none of the above. */
	CAMPAIGN;

	/** Every channel, in declaration order, without the copy that {@link #values()} makes. */
	public static final List<Channel> ALL = List.of(values());

	private final String tagValue = name().toLowerCase(Locale.ROOT).replace('_', '-');

	/**
	 * Return the value of the {@code channel} tag for this channel.
	 * @return the tag value, such as {@code organic-search}
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
