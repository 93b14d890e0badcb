package io.github.microconversions.visitor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.microconversions.journey.UnreachableJourneyStore;
import io.github.microconversions.metrics.VisitMeters;
import io.github.microconversions.recording.TrackingErrors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VisitTracker}.
 */
class VisitTrackerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void countsTheRequestAsAnonymousWhenTheJourneyStoreFails() {
		VisitTracker tracker = new VisitTracker(new UserAgentBotDetector(List.of("bot")),
				new CookieVisitorResolver("mc_vid", Duration.ofDays(1)), new DefaultChannelClassifier(),
				new UnreachableJourneyStore(), new VisitMeters(this.registry), Clock.systemUTC(), true,
				new TrackingErrors(this.registry, Ticker.systemTicker()));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("User-Agent", "Mozilla/5.0");
		request.setQueryString("utm_medium=email");
		VisitContext visit = tracker.track(request, new MockHttpServletResponse());
		assertThat(visit).isEqualTo(new VisitContext(null, Channel.EMAIL, false));
		assertThat(this.registry.get("conversion.errors").tag("reason", "store").counter().count()).isEqualTo(1);
	}

}
