package io.github.microconversions.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.visitor.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * The meters of one conversion, registered once and then only incremented.
 */
public final class ConversionCounters {

	/** Visitors doing a conversion for the first time. */
	public static final String VISITORS = "conversion.visitors";

	private final String name;

	private final ConversionKind kind;

	private final int index;

	private final MeterRegistry registry;

	private final int maxTagValues;

	private final Counter[] hits;

	private final Counter[] failures;

	private final Counter[] visitors;

	private final LongAdder milestones = new LongAdder();

	private final LongAdder secondaries = new LongAdder();

	private final ConcurrentMap<String, Counter[]> revenueByCurrency = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, TaggedCounters> tagged = new ConcurrentHashMap<>();

	ConversionCounters(String name, ConversionKind kind, int index, MeterRegistry registry, int maxTagValues) {
		this.name = name;
		this.kind = kind;
		this.index = index;
		this.registry = registry;
		this.maxTagValues = maxTagValues;
		this.hits = Channel.ALL.stream()
			.map((channel) -> Counter.builder(ConversionMeters.HITS)
				.description("Successful calls of a conversion")
				.tags(conversionTags().and("channel", channel.tagValue()))
				.register(registry))
			.toArray(Counter[]::new);
		this.failures = Arrays.stream(FailureOutcome.values())
			.map((outcome) -> Counter.builder(ConversionMeters.FAILURES)
				.description("Annotated calls that did not succeed, rejected (4xx) or in error")
				.tags(conversionTags().and("outcome", outcome.tagValue()))
				.register(registry))
			.toArray(Counter[]::new);
		this.visitors = Channel.ALL.stream()
			.map((channel) -> Counter.builder(VISITORS)
				.description("Visitors doing a conversion for the first time")
				.tags(conversionTags().and("channel", channel.tagValue()))
				.register(registry))
			.toArray(Counter[]::new);
	}

	/**
	 * Return the conversion's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the conversion's kind.
	 * @return the kind
	 */
	public ConversionKind kind() {
		return this.kind;
	}

	/**
	 * Return the conversion's index, dense from zero in the order conversions were declared,
	 * so that a journey can keep the conversions done as bits.
	 * @return the index
	 */
	public int index() {
		return this.index;
	}

	/**
	 * Count a visitor doing the conversion for the first time.
	 * @param channel the channel of the visitor's visit
	 */
	public void firstTimeVisitor(Channel channel) {
		this.visitors[channel.ordinal()].increment();
	}

	/**
	 * Count a micro conversion by where it falls in the visitor's journey.
	 * @param beforeFirstMacro {@code true} for a milestone (before the visitor's first macro
	 * conversion), {@code false} for a secondary conversion (after it)
	 */
	public void journeyStage(boolean beforeFirstMacro) {
		(beforeFirstMacro ? this.milestones : this.secondaries).increment();
	}

	/**
	 * Return the micro conversions done before the visitor's first macro conversion.
	 * @return the milestone count
	 */
	public long milestones() {
		return this.milestones.sum();
	}

	/**
	 * Return the micro conversions done after the visitor's first macro conversion.
	 * @return the secondary count
	 */
	public long secondaries() {
		return this.secondaries.sum();
	}

	/**
	 * Count a successful call.
	 * @param channel the channel of the visitor's visit
	 */
	public void hit(Channel channel) {
		this.hits[channel.ordinal()].increment();
	}

	/**
	 * Add revenue.
	 * @param currency a valid ISO 4217 code
	 * @param channel the channel of the visitor's visit
	 * @param amount a non-negative, finite amount
	 */
	public void revenue(String currency, Channel channel, double amount) {
		revenueCounters(currency)[channel.ordinal()].increment(amount);
	}

	/**
	 * Count a call that did not succeed.
	 * @param outcome why it did not
	 */
	public void failure(FailureOutcome outcome) {
		this.failures[outcome.ordinal()].increment();
	}

	/**
	 * Count a value of a custom tag.
	 * @param key the tag key, from code
	 * @param value the value, bounded to {@code micro-conversions.tags.max-values} distinct values
	 */
	public void tagged(String key, @Nullable String value) {
		this.tagged.computeIfAbsent(key, this::taggedCounters).counter(value).increment();
	}

	/**
	 * Return the successful calls through a channel.
	 * @param channel the channel
	 * @return the count
	 */
	public long hits(Channel channel) {
		return (long) this.hits[channel.ordinal()].count();
	}

	/**
	 * Return the visitors who did the conversion, by the channel of their first time.
	 * @param channel the channel
	 * @return the count
	 */
	public long visitors(Channel channel) {
		return (long) this.visitors[channel.ordinal()].count();
	}

	/**
	 * Return the revenue by currency, over every channel.
	 * @return the sums by ISO 4217 code
	 */
	public Map<String, Double> revenue() {
		Map<String, Double> revenue = new TreeMap<>();
		this.revenueByCurrency.forEach((currency, counters) -> revenue.put(currency,
				Arrays.stream(counters).mapToDouble(Counter::count).sum()));
		return revenue;
	}

	/**
	 * Register the revenue series of a currency at zero.
	 * @param currency a valid ISO 4217 code
	 */
	void declareCurrency(String currency) {
		revenueCounters(currency);
	}

	private Counter[] revenueCounters(String currency) {
		Counter[] counters = this.revenueByCurrency.get(currency);
		return (counters != null) ? counters : this.revenueByCurrency.computeIfAbsent(currency, this::registerRevenue);
	}

	private Counter[] registerRevenue(String currency) {
		return Channel.ALL.stream()
			.map((channel) -> Counter.builder(ConversionMeters.REVENUE)
				.description("Sum of the revenue of a macro conversion")
				.tags(Tags.of("conversion", this.name, "currency", currency, "channel", channel.tagValue()))
				.register(this.registry))
			.toArray(Counter[]::new);
	}

	private TaggedCounters taggedCounters(String key) {
		return new TaggedCounters((value) -> Counter.builder(ConversionMeters.TAGGED)
			.description("Successful calls of a conversion by the value of a custom tag")
			.tags(conversionTags().and("tag", key, "value", value))
			.register(this.registry), this.maxTagValues);
	}

	private Tags conversionTags() {
		return Tags.of("conversion", this.name, "kind", this.kind.tagValue());
	}

}
