package io.github.microconversions.journey;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.microconversions.ConversionKind;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.visitor.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link JourneyStore}: journeys in this JVM's heap, bounded in number, each
 * expiring after it was last seen. Eviction for room is Caffeine's: recency and frequency, so
 * that a flood of one-request visitors cannot push out the regular ones.
 */
public class InMemoryJourneyStore implements JourneyStore {

	/** Visitors held. */
	public static final String JOURNEYS = "conversion.journeys";

	/** Visitors dropped for room. */
	public static final String EVICTED = "conversion.journeys.evicted";

	private static final Supplier<@Nullable Channel> DIRECT = () -> Channel.DIRECT;

	private final Cache<UUID, Journey> journeys;

	private final long visitTimeoutMillis;

	private final Funnels funnels;

	/**
	 * Create a new store.
	 * @param maxVisitors how many visitors to hold at most
	 * @param idleTimeout how long a visitor is held after they were last seen
	 * @param visitTimeout the gap after which a request starts a new visit
	 * @param funnels the funnels whose attempts journeys hold
	 * @param registry where to register the store's meters
	 * @param ticker the time source of expiry
	 * @param maintenance where the cache runs evictions and their listener
	 */
	public InMemoryJourneyStore(long maxVisitors, Duration idleTimeout, Duration visitTimeout, Funnels funnels,
			MeterRegistry registry, Ticker ticker, Executor maintenance) {
		Counter evicted = Counter.builder(EVICTED).description("Visitors dropped for room").register(registry);
		this.journeys = Caffeine.newBuilder()
			.maximumSize(maxVisitors)
			.expireAfterAccess(idleTimeout)
			.ticker(ticker)
			.executor(maintenance)
			.<UUID, Journey>removalListener((visitor, journey, cause) -> {
				// An attempt that can no longer complete is abandoned: nothing is lost silently.
				if (journey != null && cause.wasEvicted()) {
					synchronized (journey) {
						journey.abandonAttempts(funnels);
					}
				}
				if (cause == RemovalCause.SIZE) {
					evicted.increment();
				}
			})
			.build();
		this.visitTimeoutMillis = visitTimeout.toMillis();
		this.funnels = funnels;
		Gauge.builder(JOURNEYS, this, InMemoryJourneyStore::size).description("Visitors held").register(registry);
	}

	@Override
	public VisitOutcome visit(UUID visitor, long nowMillis, Supplier<@Nullable Channel> visitChannel) {
		Journey journey = getOrCreate(visitor, visitChannel);
		synchronized (journey) {
			boolean newVisitor = journey.isUntouched();
			boolean newVisit = journey.touch(nowMillis, this.visitTimeoutMillis);
			if (newVisit && !newVisitor) {
				journey.startVisit(channelOrDirect(visitChannel.get(), journey.currentChannel()));
			}
			return new VisitOutcome(journey.currentChannel(), newVisitor, newVisit);
		}
	}

	@Override
	public ConversionOutcome convert(UUID visitor, int conversionIndex, ConversionKind kind, long nowMillis) {
		Journey journey = getOrCreate(visitor, DIRECT);
		synchronized (journey) {
			return journey.convert(conversionIndex, kind, nowMillis, this.funnels, journey.isUntouched());
		}
	}

	@Override
	public void expireAttempts(long nowMillis) {
		this.journeys.asMap().values().forEach((journey) -> {
			synchronized (journey) {
				journey.expireAttempts(this.funnels, nowMillis);
			}
		});
	}

	// A read, not a compute: Caffeine's read path records the access without its write path's
	// bookkeeping, and the journey's own monitor, held for a few field updates and never across
	// I/O, serializes the requests of one visitor only.
	private Journey getOrCreate(UUID visitor, Supplier<@Nullable Channel> channel) {
		Journey journey = this.journeys.getIfPresent(visitor);
		if (journey == null) {
			Journey created = new Journey(channelOrDirect(channel.get(), Channel.DIRECT));
			Journey existing = this.journeys.asMap().putIfAbsent(visitor, created);
			journey = (existing != null) ? existing : created;
		}
		return journey;
	}

	@Override
	public long lastSeen(UUID visitor) {
		Journey journey = this.journeys.getIfPresent(visitor);
		return (journey != null) ? journey.lastSeenMillis() : -1;
	}

	@Override
	public long size() {
		return this.journeys.estimatedSize();
	}

	/**
	 * Run pending evictions and expirations now, for exact numbers in tests and endpoints.
	 */
	public void cleanUp() {
		this.journeys.cleanUp();
	}

	private static Channel channelOrDirect(@Nullable Channel channel, Channel fallback) {
		return (channel != null) ? channel : fallback;
	}

}
