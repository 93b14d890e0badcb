package io.github.microconversions.visitor;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import io.github.microconversions.journey.InMemoryJourneyStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that hostile requests (random and oversized cookies, User-Agents, Referers and
 * {@code utm_*} values, floods of new visitors) fail nothing and keep memory and tags bounded.
 */
@SpringBootTest(classes = VisitTrackingHttpTests.ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "micro-conversions.store.max-visitors=20")
class HostileInputHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private InMemoryJourneyStore journeys;

	@Test
	void keepsMemoryAndTagsBoundedAndFailsNoRequest() throws Exception {
		Random random = new Random(42);
		int served = 0;
		for (int i = 0; i < 2000; i++) {
			String junk = randomText(random, 1 + random.nextInt((i % 10 == 0) ? 6000 : 200));
			String printable = junk.replaceAll("[^\\x21-\\x7e]", "x");
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/products?utm_medium=" + encode(junk)
						+ "&utm_source=" + encode(junk) + "&gclid=" + encode(junk)))
				.header("Cookie", "mc_vid=" + encode(junk))
				.header("Referer", printable)
				.header("User-Agent", VisitTrackingHttpTests.BROWSER + " " + printable.substring(0, Math.min(100, printable.length())))
				.build();
			HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				served++;
			}
			else {
				assertThat(response.statusCode()).as("rejected by the server, not by us").isIn(400, 431);
			}
		}
		this.journeys.cleanUp();
		assertThat(served).isGreaterThan(1500);
		assertThat(this.registry.find("conversion.hits").counters()).hasSize(2 * 7);
		assertThat(this.registry.find("conversion.visits").counters()).hasSize(7);
		assertThat(this.registry.get("conversion.errors").tag("reason", "internal").counter().count()).isZero();
		assertThat(this.registry.get("conversion.journeys").gauge().value()).isEqualTo(20);
		// A random User-Agent may by chance contain a bot's pattern.
		double bots = this.registry.get("conversion.bots").counter().count();
		double newVisitors = this.registry.get("conversion.visitors.new").counters().stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
		assertThat(newVisitors + bots).isEqualTo(served);
		// Caffeine tells its removal listener on another thread: the count is exact once it has.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry.get("conversion.journeys.evicted").counter().count())
				.isEqualTo(newVisitors - 20));
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) (0x20 + random.nextInt(0x5f)));
		}
		return text.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
