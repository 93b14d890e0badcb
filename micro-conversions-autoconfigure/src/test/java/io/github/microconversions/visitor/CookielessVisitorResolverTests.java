package io.github.microconversions.visitor;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.journey.InMemoryJourneyStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CookielessVisitorResolver}.
 */
class CookielessVisitorResolverTests {

	private static final String ADDRESS = "203.0.113.7";

	private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

	private final InMemoryJourneyStore journeys = new InMemoryJourneyStore(1000, Duration.ofDays(30),
			Duration.ofMinutes(30), new Funnels(List.of(), new SimpleMeterRegistry()), new SimpleMeterRegistry(),
			() -> this.clock.millis() * 1_000_000, Runnable::run);

	private final CookielessVisitorResolver resolver = new CookielessVisitorResolver(this.clock, this.journeys,
			Duration.ofMinutes(30));

	@Test
	void knowsTheSameVisitorAcrossRequestsWithoutACookie() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		UUID first = this.resolver.resolve(request(ADDRESS, USER_AGENT), response);
		this.clock.advance(Duration.ofHours(3));
		UUID second = this.resolver.resolve(request(ADDRESS, USER_AGENT), response);
		assertThat(second).isEqualTo(first);
		assertThat(response.getHeader("Set-Cookie")).isNull();
		assertThat(this.resolver.resolve(request("203.0.113.8", USER_AGENT), response)).isNotEqualTo(first);
		assertThat(this.resolver.resolve(request(ADDRESS, USER_AGENT + " Edge"), response)).isNotEqualTo(first);
	}

	@Test
	void knowsANewVisitorAfterTheSaltRotates() {
		UUID today = this.resolver.resolve(request(ADDRESS, USER_AGENT), new MockHttpServletResponse());
		this.clock.advance(Duration.ofDays(1));
		UUID tomorrow = this.resolver.resolve(request(ADDRESS, USER_AGENT), new MockHttpServletResponse());
		this.clock.advance(Duration.ofDays(1));
		UUID later = this.resolver.resolve(request(ADDRESS, USER_AGENT), new MockHttpServletResponse());
		assertThat(tomorrow).isNotEqualTo(today);
		assertThat(later).isNotEqualTo(today).isNotEqualTo(tomorrow);
	}

	@Test
	void keepsAVisitAcrossMidnightTogether() {
		this.clock.advance(Duration.ofHours(11).plusMinutes(50));
		UUID beforeMidnight = this.resolver.resolve(request(ADDRESS, USER_AGENT), new MockHttpServletResponse());
		this.journeys.visit(beforeMidnight, this.clock.millis(), () -> Channel.DIRECT);
		this.clock.advance(Duration.ofMinutes(20));
		UUID afterMidnight = this.resolver.resolve(request(ADDRESS, USER_AGENT), new MockHttpServletResponse());
		assertThat(afterMidnight).isEqualTo(beforeMidnight);
		this.journeys.visit(afterMidnight, this.clock.millis(), () -> Channel.DIRECT);
		this.clock.advance(Duration.ofMinutes(45));
		UUID nextVisit = this.resolver.resolve(request(ADDRESS, USER_AGENT), new MockHttpServletResponse());
		assertThat(nextVisit).isNotEqualTo(beforeMidnight);
	}

	@Test
	void keepsNothingIdentifyingInTheStore() throws Exception {
		UUID visitor = this.resolver.resolve(request(ADDRESS, USER_AGENT), new MockHttpServletResponse());
		this.journeys.visit(visitor, this.clock.millis(), () -> Channel.SOCIAL);
		this.journeys.convert(visitor, 0, ConversionKind.MICRO, this.clock.millis());
		Field field = ReflectionUtils.findField(InMemoryJourneyStore.class, "journeys");
		ReflectionUtils.makeAccessible(field);
		String held = String.valueOf(((com.github.benmanes.caffeine.cache.Cache<?, ?>) field.get(this.journeys))
			.asMap()
			.keySet());
		assertThat(held).doesNotContain(ADDRESS).doesNotContain("203").doesNotContain("Mozilla");
		assertThat(this.journeys.size()).isEqualTo(1);
	}

	private static MockHttpServletRequest request(String address, String userAgent) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setRemoteAddr(address);
		request.addHeader("User-Agent", userAgent);
		return request;
	}

}
