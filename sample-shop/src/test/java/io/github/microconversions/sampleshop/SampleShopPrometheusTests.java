package io.github.microconversions.sampleshop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the shop over real HTTP as a browser would and reads the exact series Prometheus
 * scrapes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
class SampleShopPrometheusTests {

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void recordsTheShopsConversionsAsExactPrometheusSeries() throws Exception {
		HttpResponse<String> landing = send("GET", "/products/p-1", null, "https://www.google.com/");
		String visitor = landing.headers().firstValue("Set-Cookie").map((c) -> c.substring(7, c.indexOf(';'))).orElseThrow();
		send("GET", "/products/p-2", visitor, null);
		assertThat(send("GET", "/products/nope", visitor, null).statusCode()).isEqualTo(404);
		send("POST", "/cart/items?productId=p-1&quantity=2", visitor, null);
		send("POST", "/cart/items?productId=p-4", visitor, null);
		send("POST", "/cart/items?productId=p-4", visitor, null);
		send("POST", "/checkout", visitor, null);
		HttpResponse<String> order = send("POST", "/orders?productId=p-1&quantity=2", visitor, null);
		assertThat(order.statusCode()).isEqualTo(201);
		send("POST", "/orders?productId=p-4&quantity=3", visitor, null);
		assertThat(send("POST", "/orders?productId=nope", visitor, null).statusCode()).isEqualTo(400);
		send("POST", "/newsletter?email=ada@example.com", visitor, null);
		send("POST", "/newsletter?email=ada@example.com", visitor, null);
		String orderId = order.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		for (int retry = 0; retry < 3; retry++) {
			assertThat(send("POST", "/webhooks/payment?orderId=" + orderId + "&visitorId=" + visitor + "&amount=179.80",
					null, null).statusCode()).isEqualTo(202);
		}
		send("GET", "/products/p-3", null, null, "Googlebot/2.1 (+http://www.google.com/bot.html)");

		String scrape = send("GET", "/actuator/prometheus", null, null).body();
		assertThat(scrape).contains(
				"conversion_hits_total{channel=\"organic-search\",conversion=\"product-view\",kind=\"micro\"} 2.0",
				"conversion_visitors_total{channel=\"organic-search\",conversion=\"product-view\",kind=\"micro\"} 1.0",
				"conversion_failures_total{conversion=\"product-view\",kind=\"micro\",outcome=\"rejected\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"add-to-cart\",kind=\"micro\"} 3.0",
				"conversion_hits_tagged_total{conversion=\"add-to-cart\",kind=\"micro\",tag=\"category\",value=\"socks\"} 2.0",
				"conversion_hits_tagged_total{conversion=\"add-to-cart\",kind=\"micro\",tag=\"category\",value=\"shoes\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"checkout-started\",kind=\"micro\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"purchase\",kind=\"macro\"} 2.0",
				"conversion_revenue_total{channel=\"organic-search\",conversion=\"purchase\",currency=\"EUR\"} 217.3",
				"conversion_failures_total{conversion=\"purchase\",kind=\"macro\",outcome=\"rejected\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"newsletter-signup\",kind=\"micro\"} 1.0",
				"conversion_failures_total{conversion=\"newsletter-signup\",kind=\"micro\",outcome=\"rejected\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"payment-confirmed\",kind=\"macro\"} 1.0",
				"conversion_revenue_total{channel=\"organic-search\",conversion=\"payment-confirmed\",currency=\"EUR\"} 179.8",
				"conversion_hits_total{channel=\"paid\",conversion=\"purchase\",kind=\"macro\"} 0.0",
				"conversion_visits_total{channel=\"organic-search\"} 1.0",
				"conversion_visitors_new_total{channel=\"organic-search\"} 1.0",
				"conversion_bots_total 1.0",
				"conversion_errors_total{reason=\"expression\"} 0.0",
				"conversion_journeys 1.0");
	}

	private HttpResponse<String> send(String method, String path, String visitor, String referer)
			throws IOException, InterruptedException {
		return send(method, path, visitor, referer, BROWSER);
	}

	private HttpResponse<String> send(String method, String path, String visitor, String referer, String userAgent)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("User-Agent", userAgent)
			.method(method, BodyPublishers.noBody());
		Optional.ofNullable(visitor).ifPresent((id) -> request.header("Cookie", "mc_vid=" + id));
		Optional.ofNullable(referer).ifPresent((url) -> request.header("Referer", url));
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
