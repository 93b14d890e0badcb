package io.github.microconversions.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import org.jspecify.annotations.Nullable;

/**
 * The counters of one custom tag of one conversion, one per value up to a maximum, after which
 * every new value shares the {@code other} counter so that the series stay bounded.
 */
final class TaggedCounters {

	static final String OTHER = "other";

	static final String NONE = "none";

	private static final int MAX_VALUE_LENGTH = 64;

	private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

	private final Function<String, Counter> registration;

	private final int maxValues;

	private final Counter other;

	TaggedCounters(Function<String, Counter> registration, int maxValues) {
		this.registration = registration;
		this.maxValues = maxValues;
		this.other = registration.apply(OTHER);
	}

	Counter counter(@Nullable String value) {
		String tagValue = (value != null) ? value : NONE;
		Counter counter = this.counters.get(tagValue);
		if (counter != null) {
			return counter;
		}
		if (tagValue.length() > MAX_VALUE_LENGTH || tagValue.equals(OTHER) || this.counters.size() >= this.maxValues) {
			return this.other;
		}
		// Rare path, at most maxValues times: the lock keeps the bound exact under races.
		synchronized (this) {
			counter = this.counters.get(tagValue);
			if (counter == null) {
				if (this.counters.size() >= this.maxValues) {
					return this.other;
				}
				counter = this.registration.apply(tagValue);
				this.counters.put(tagValue, counter);
			}
			return counter;
		}
	}

}
