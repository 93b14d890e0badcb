package io.github.microconversions.visitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that cookieless mode takes the client address from Spring's forwarded-header handling,
 * never from a raw {@code X-Forwarded-For} a client could forge.
 */
class CookielessForwardedHeadersHttpTests {

	private static double newVisitors(MeterRegistry registry, int port) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String address : new String[] { "203.0.113.7", "198.51.100.23", "203.0.113.7" }) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/products"))
				.header("User-Agent", VisitTrackingHttpTests.BROWSER)
				.header("X-Forwarded-For", address)
				.build();
			assertThat(http.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}
		return registry.find("conversion.visitors.new").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	@Nested
	@SpringBootTest(classes = VisitTrackingHttpTests.ShopApplication.class,
			webEnvironment = WebEnvironment.RANDOM_PORT, properties = "micro-conversions.visitor.mode=cookieless")
	class WithoutAForwardedHeadersStrategy {

		@LocalServerPort
		private int port;

		@Autowired
		private MeterRegistry registry;

		@Test
		void ignoresXForwardedFor() throws Exception {
			assertThat(newVisitors(this.registry, this.port)).isEqualTo(1);
		}

	}

	@Nested
	@SpringBootTest(classes = VisitTrackingHttpTests.ShopApplication.class,
			webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "micro-conversions.visitor.mode=cookieless", "server.forward-headers-strategy=framework" })
	class BehindAProxyTheApplicationTrusts {

		@LocalServerPort
		private int port;

		@Autowired
		private MeterRegistry registry;

		@Test
		void tellsClientsApartByTheirForwardedAddress() throws Exception {
			assertThat(newVisitors(this.registry, this.port)).isEqualTo(2);
		}

	}

}
