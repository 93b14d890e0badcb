package io.github.microconversions.visitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.microconversions.MicroConversion;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests visitors, visits, channels, bots and privacy signals over real HTTP.
 */
@SpringBootTest(classes = VisitTrackingHttpTests.ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class VisitTrackingHttpTests {

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private MutableClock clock;

	@Test
	void issuesAVisitorCookieAndHonoursIt() throws Exception {
		HttpResponse<String> first = get("/products", Map.of());
		String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("mc_vid=").contains("Path=/").contains("HttpOnly").contains("SameSite=Lax")
			.contains("Max-Age=31536000")
			.doesNotContain("Secure");
		String visitor = cookie.substring("mc_vid=".length(), cookie.indexOf(';'));
		HttpResponse<String> second = get("/products", Map.of("Cookie", "mc_vid=" + visitor));
		assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(count("conversion.visitors.new", "channel", "direct")).isEqualTo(1);
		assertThat(count("conversion.visits", "channel", "direct")).isEqualTo(1);
		assertThat(count("conversion.hits", "conversion", "product-view")).isEqualTo(2);
		assertThat(count("conversion.visitors", "conversion", "product-view")).isEqualTo(1);
	}

	@Test
	void replacesAMalformedOrOversizedCookie() throws Exception {
		for (String hostile : List.of("not-a-uuid", "x".repeat(4000), "3F0C8C1E-2A4B-4D6E-8F10-1A2B3C4D5E6F",
				"3f0c8c1e-2a4b-4d6e-8f10-1a2b3c4d5e6f0")) {
			HttpResponse<String> response = get("/products", Map.of("Cookie", "mc_vid=" + hostile));
			assertThat(response.statusCode()).isEqualTo(200);
			String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
			assertThat(cookie).doesNotContain(hostile).matches("mc_vid=[0-9a-f-]{36};.*");
		}
		assertThat(count("conversion.visitors.new", "channel", "direct")).isEqualTo(4);
	}

	@Test
	void honoursPrivacySignalsButCountsTheHit() throws Exception {
		HttpResponse<String> gpc = get("/products?utm_medium=email", Map.of("Sec-GPC", "1"));
		HttpResponse<String> dnt = get("/products", Map.of("DNT", "1", "Referer", "https://www.google.com/"));
		assertThat(gpc.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(dnt.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(count("conversion.hits", "channel", "email")).isEqualTo(1);
		assertThat(count("conversion.hits", "channel", "organic-search")).isEqualTo(1);
		assertThat(sum("conversion.visits")).isZero();
		assertThat(sum("conversion.visitors")).isZero();
		assertThat(sum("conversion.journeys")).isZero();
	}

	@Test
	void countsBotsApartAndExcludesThemFromEverythingElse() throws Exception {
		get("/products", Map.of("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)"));
		get("/products", Map.of("User-Agent", "curl/8.5.0"));
		get("/products", Map.of("Sec-Purpose", "prefetch"));
		HttpResponse<String> bot = get("/products", Map.of("User-Agent", "python-requests/2.31"));
		assertThat(bot.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(count("conversion.bots")).isEqualTo(4);
		assertThat(sum("conversion.hits")).isZero();
		assertThat(sum("conversion.failures")).isZero();
		assertThat(sum("conversion.visits")).isZero();
	}

	@Test
	void startsANewVisitAfterTheTimeoutWithItsOwnChannel() throws Exception {
		String visitor = visitorOf(get("/products?utm_source=news&utm_medium=email", Map.of()));
		this.clock.advance(Duration.ofMinutes(29));
		get("/products", Map.of("Cookie", "mc_vid=" + visitor, "Referer", "https://www.bing.com/"));
		this.clock.advance(Duration.ofMinutes(30));
		get("/products", Map.of("Cookie", "mc_vid=" + visitor, "Referer", "https://www.bing.com/search?q=shop"));
		this.clock.advance(Duration.ofMinutes(31));
		get("/products", Map.of("Cookie", "mc_vid=" + visitor, "Referer", "http://localhost:" + this.port + "/"));
		assertThat(count("conversion.visits", "channel", "email")).isEqualTo(1);
		assertThat(count("conversion.visits", "channel", "organic-search")).isEqualTo(2);
		assertThat(count("conversion.visitors.new", "channel", "email")).isEqualTo(1);
		assertThat(count("conversion.hits", "channel", "email")).isEqualTo(2);
		assertThat(count("conversion.hits", "channel", "organic-search")).isEqualTo(2);
		assertThat(count("conversion.visitors", "channel", "email")).isEqualTo(1);
	}

	@Test
	void classifiesTheChannelOfAVisitFromReferrerAndUtmParameters() throws Exception {
		get("/products?gclid=abc123", Map.of());
		get("/products", Map.of("Referer", "https://www.pinterest.de/pin/123/"));
		get("/products?utm_source=spring&utm_campaign=sale", Map.of());
		get("/products", Map.of("Referer", "https://blog.example.org/review"));
		get("/products", Map.of());
		for (String channel : List.of("paid", "social", "campaign", "referral", "direct")) {
			assertThat(count("conversion.visits", "channel", channel)).as(channel).isEqualTo(1);
			assertThat(count("conversion.hits", "channel", channel)).as(channel).isEqualTo(1);
		}
	}

	@Test
	void countsEachVisitorOncePerConversion() throws Exception {
		for (int i = 0; i < 50; i++) {
			String visitor = visitorOf(get("/products", Map.of()));
			if (i < 30) {
				post("/cart", visitor);
				post("/cart", visitor);
			}
		}
		assertThat(count("conversion.hits", "conversion", "add-to-cart")).isEqualTo(60);
		assertThat(count("conversion.visitors", "conversion", "add-to-cart")).isEqualTo(30);
		assertThat(count("conversion.visitors", "conversion", "product-view")).isEqualTo(50);
		assertThat(count("conversion.visitors.new")).isEqualTo(50);
		assertThat(count("conversion.journeys")).isEqualTo(50);
	}

	@Test
	void neverTracksActuatorOrErrorRequests() throws Exception {
		HttpResponse<String> error = get("/error", Map.of());
		HttpResponse<String> missing = get("/no-such-page", Map.of());
		assertThat(error.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(sum("conversion.visits")).isZero();
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (!headers.containsKey("User-Agent")) {
			request.header("User-Agent", BROWSER);
		}
		headers.forEach(request::header);
		return this.http.send(request.GET().build(), BodyHandlers.ofString());
	}

	private void post(String path, String visitor) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("User-Agent", BROWSER)
			.header("Cookie", "mc_vid=" + visitor)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThat(this.http.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	private static String visitorOf(HttpResponse<String> response) {
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		return cookie.substring("mc_vid=".length(), cookie.indexOf(';'));
	}

	private double count(String name, String... tags) {
		return this.registry.find(name).tags(tags).meters().stream()
			.mapToDouble((meter) -> meter.measure().iterator().next().getValue())
			.sum();
	}

	private double sum(String name) {
		return count(name);
	}

	@SpringBootApplication
	static class ShopApplication {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
		}

		@Bean
		Shop shop() {
			return new Shop();
		}

	}

	@RestController
	static class Shop {

		@GetMapping("/products")
		@MicroConversion("product-view")
		public String products() {
			return "products";
		}

		@PostMapping("/cart")
		@MicroConversion("add-to-cart")
		public String addToCart() {
			return "added";
		}

	}

}
