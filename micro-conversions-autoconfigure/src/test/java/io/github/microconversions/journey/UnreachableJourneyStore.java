package io.github.microconversions.journey;

import java.util.UUID;
import java.util.function.Supplier;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.visitor.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A journey store whose backend is down, as a shared store's can be: every call fails.
 */
public class UnreachableJourneyStore implements JourneyStore {

	@Override
	public VisitOutcome visit(UUID visitor, long nowMillis, Supplier<@Nullable Channel> visitChannel) {
		throw new IllegalStateException("store unreachable");
	}

	@Override
	public ConversionOutcome convert(UUID visitor, int conversionIndex, ConversionKind kind, long nowMillis) {
		throw new IllegalStateException("store unreachable");
	}

	@Override
	public void expireAttempts(long nowMillis) {
		throw new IllegalStateException("store unreachable");
	}

	@Override
	public long lastSeen(UUID visitor) {
		throw new IllegalStateException("store unreachable");
	}

	@Override
	public long size() {
		return 0;
	}

}
