package io.github.microconversions.visitor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.github.microconversions.journey.JourneyStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Knows visitors without a cookie, by a salted hash of client address and User-Agent. The
 * random salt changes every day (UTC) and lives only in memory, so the same person is a new
 * visitor each day and nothing that identifies them is kept: not the address, not the
 * User-Agent, not a salt that would let anyone recompute the hash. Yesterday's salt is kept so
 * that a visit across midnight holds together.
 * <p>
 * The client address is {@link HttpServletRequest#getRemoteAddr()}: set
 * {@code server.forward-headers-strategy} behind a proxy, as for anything else in Spring Boot.
 */
public class CookielessVisitorResolver implements VisitorResolver {

	private static final int MAX_USER_AGENT_LENGTH = 512;

	// Looked up once per thread rather than per request; digest() leaves it reset for the next.
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal
		.withInitial(CookielessVisitorResolver::sha256);

	private final Clock clock;

	private final JourneyStore journeys;

	private final long visitTimeoutMillis;

	private final SecureRandom random = new SecureRandom();

	private volatile Salts salts;

	/**
	 * Create a new resolver.
	 * @param clock the time source of the daily rotation
	 * @param journeys the store, to continue a visit that started before midnight
	 * @param visitTimeout the gap after which a visit ends
	 */
	public CookielessVisitorResolver(Clock clock, JourneyStore journeys, Duration visitTimeout) {
		this.clock = clock;
		this.journeys = journeys;
		this.visitTimeoutMillis = visitTimeout.toMillis();
		this.salts = new Salts(today(), newSalt(), null);
	}

	@Override
	public UUID resolve(HttpServletRequest request, HttpServletResponse response) {
		String address = String.valueOf(request.getRemoteAddr());
		String userAgent = String.valueOf(request.getHeader(HttpHeaders.USER_AGENT));
		if (userAgent.length() > MAX_USER_AGENT_LENGTH) {
			userAgent = userAgent.substring(0, MAX_USER_AGENT_LENGTH);
		}
		Salts current = currentSalts();
		if (current.yesterday() != null) {
			UUID sinceYesterday = hash(current.yesterday(), address, userAgent);
			long lastSeen = this.journeys.lastSeen(sinceYesterday);
			if (lastSeen >= 0 && this.clock.millis() - lastSeen < this.visitTimeoutMillis) {
				return sinceYesterday;
			}
		}
		return hash(current.today(), address, userAgent);
	}

	private Salts currentSalts() {
		Salts current = this.salts;
		LocalDate today = today();
		if (current.day().equals(today)) {
			return current;
		}
		synchronized (this) {
			current = this.salts;
			if (!current.day().equals(today)) {
				byte[] yesterday = current.day().equals(today.minusDays(1)) ? current.today() : null;
				current = new Salts(today, newSalt(), yesterday);
				this.salts = current;
			}
			return current;
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private byte[] newSalt() {
		byte[] salt = new byte[32];
		this.random.nextBytes(salt);
		return salt;
	}

	private static UUID hash(byte[] salt, String address, String userAgent) {
		MessageDigest digest = SHA_256.get();
		digest.update(salt);
		digest.update(address.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(userAgent.getBytes(StandardCharsets.UTF_8));
		ByteBuffer hash = ByteBuffer.wrap(digest.digest());
		return new UUID(hash.getLong(), hash.getLong());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	private record Salts(LocalDate day, byte[] today, byte @Nullable [] yesterday) {
	}

}
