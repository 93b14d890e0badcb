package io.github.microconversions.recording;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The idempotency keys seen recently, so that a retried webhook counts once; bounded in number
 * and age.
 */
public final class IdempotencyKeys {

	// Longer keys are kept as a hash so that each entry stays small whatever callers pass.
	private static final int MAX_KEPT_LENGTH = 64;

	private final Cache<String, Boolean> seen;

	/**
	 * Create a new instance.
	 * @param maxKeys how many keys to remember at most, least recently used forgotten first
	 * @param retention how long to remember a key
	 * @param ticker the time source
	 */
	public IdempotencyKeys(long maxKeys, Duration retention, Ticker ticker) {
		this.seen = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(retention).ticker(ticker).build();
	}

	/**
	 * Claim a key for a conversion.
	 * @param conversion the conversion name
	 * @param key the idempotency key
	 * @return {@code true} the first time, {@code false} for a repeat
	 */
	public boolean claim(String conversion, String key) {
		String kept = (key.length() > MAX_KEPT_LENGTH) ? sha256(key) : key;
		return this.seen.asMap().putIfAbsent(conversion + '\n' + kept, Boolean.TRUE) == null;
	}

	private static String sha256(String key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
