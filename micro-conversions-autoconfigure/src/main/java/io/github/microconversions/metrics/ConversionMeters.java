package io.github.microconversions.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.microconversions.ConversionKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The conversion meters of an application, registered once per declared conversion so that
 * every series exists at zero from start-up and a call never looks up the registry.
 */
public final class ConversionMeters {

	/** Successful calls. */
	public static final String HITS = "conversion.hits";

	/** Sum of revenue. */
	public static final String REVENUE = "conversion.revenue";

	/** Annotated calls that did not succeed. */
	public static final String FAILURES = "conversion.failures";

	/** Successful calls by custom tag value. */
	public static final String TAGGED = "conversion.hits.tagged";

	private final MeterRegistry registry;

	private final int maxTagValues;

	private final ConcurrentMap<String, ConversionCounters> byName = new ConcurrentHashMap<>();

	private final AtomicInteger nextIndex = new AtomicInteger();

	/**
	 * Create the meters of an application.
	 * @param registry where to register
	 * @param maxTagValues how many distinct values of a custom tag keep their own series
	 */
	public ConversionMeters(MeterRegistry registry, int maxTagValues) {
		this.registry = registry;
		this.maxTagValues = maxTagValues;
	}

	/**
	 * Return the meters of every declared conversion, by name.
	 * @return the meters
	 */
	public List<ConversionCounters> all() {
		return this.byName.values().stream().sorted(Comparator.comparing(ConversionCounters::name)).toList();
	}

	/**
	 * Register the meters of a conversion, if not done yet, and return them.
	 * @param name the conversion name
	 * @param kind its kind
	 * @param currency for a macro conversion, the currency whose revenue series to register
	 * @return the conversion's meters
	 */
	public ConversionCounters declare(String name, ConversionKind kind, @Nullable String currency) {
		ConversionCounters counters = this.byName.computeIfAbsent(name, (key) -> new ConversionCounters(key, kind,
				this.nextIndex.getAndIncrement(), this.registry, this.maxTagValues));
		if (currency != null && kind == ConversionKind.MACRO) {
			counters.declareCurrency(currency);
		}
		return counters;
	}

	/**
	 * Return the meters of a declared conversion.
	 * @param name the conversion name
	 * @return its meters, or {@code null} if it was never declared
	 */
	public @Nullable ConversionCounters find(String name) {
		return this.byName.get(name);
	}

}
