package io.github.microconversions.sampleshop;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every conversion of the shop, driven over real HTTP, read back as the exact series lines that
 * Prometheus scrapes from {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
// Exact values: each method starts from a context no other test drove traffic through.
@DirtiesContext(classMode = ClassMode.BEFORE_EACH_TEST_METHOD)
class PrometheusScrapeTests {

	@LocalServerPort
	private int port;

	@Test
	void scrapesExactlyTheConversionsOfAShopperAndNothingForAFailedOrRepeatedCall() {
		Browser shopper = new Browser(this.port).header("Referer", "https://www.google.com/");
		assertThat(shopper.get("/products/p-1").statusCode()).isEqualTo(200);
		assertThat(shopper.get("/products/p-4").statusCode()).isEqualTo(200);
		assertThat(shopper.get("/products/nope").statusCode()).isEqualTo(404);
		assertThat(addToCart(shopper, "p-1", 2).statusCode()).isEqualTo(302);
		assertThat(addToCart(shopper, "p-4", 1).statusCode()).isEqualTo(302);
		assertThat(addToCart(shopper, "p-4", 1).statusCode()).isEqualTo(302);
		assertThat(shopper.post("/checkout", Map.of()).statusCode()).isEqualTo(200);
		HttpResponse<String> order = shopper.post("/orders", Map.of());
		assertThat(order.statusCode()).isEqualTo(200);
		assertThat(shopper.post("/orders", Map.of()).statusCode()).as("an empty cart").isEqualTo(400);
		assertThat(shopper.post("/newsletter", Map.of("email", "ada@example.com")).statusCode()).isEqualTo(201);
		assertThat(shopper.post("/newsletter", Map.of("email", "ada@example.com")).statusCode()).isEqualTo(200);
		assertThat(shopper.post("/leads", Map.of("name", "Ada", "email", "not-an-email")).body())
			.contains("class=\"error\"");
		assertThat(shopper.post("/leads", Map.of("name", "Ada", "email", "ada@example.com")).body())
			.contains("we will be in touch");
		Map<String, String> payment = Map.of("orderId", hidden(order.body(), "orderId"), "visitorId",
				hidden(order.body(), "visitorId"), "amount", hidden(order.body(), "amount"));
		Browser provider = new Browser(this.port).header("User-Agent", "PaymentProvider-Webhooks/2.0");
		assertThat(provider.post("/webhooks/payment", payment).statusCode()).isEqualTo(202);
		assertThat(provider.post("/webhooks/payment", payment).statusCode()).as("a retry").isEqualTo(202);
		new Browser(this.port).header("User-Agent", "Googlebot/2.1 (+http://www.google.com/bot.html)")
			.get("/products/p-3");

		assertThat(scrape()).contains(
				"conversion_hits_total{channel=\"organic-search\",conversion=\"product-view\",kind=\"micro\"} 2.0",
				"conversion_visitors_total{channel=\"organic-search\",conversion=\"product-view\",kind=\"micro\"} 1.0",
				"conversion_failures_total{conversion=\"product-view\",kind=\"micro\",outcome=\"rejected\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"add-to-cart\",kind=\"micro\"} 3.0",
				"conversion_hits_tagged_total{conversion=\"add-to-cart\",kind=\"micro\",tag=\"category\",value=\"shoes\"} 1.0",
				"conversion_hits_tagged_total{conversion=\"add-to-cart\",kind=\"micro\",tag=\"category\",value=\"socks\"} 2.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"checkout-started\",kind=\"micro\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"purchase\",kind=\"macro\"} 1.0",
				"conversion_revenue_total{channel=\"organic-search\",conversion=\"purchase\",currency=\"EUR\"} 204.8",
				"conversion_failures_total{conversion=\"purchase\",kind=\"macro\",outcome=\"rejected\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"newsletter-signup\",kind=\"micro\"} 1.0",
				"conversion_failures_total{conversion=\"newsletter-signup\",kind=\"micro\",outcome=\"rejected\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"lead\",kind=\"macro\"} 1.0",
				"conversion_failures_total{conversion=\"lead\",kind=\"macro\",outcome=\"rejected\"} 1.0",
				"conversion_hits_total{channel=\"organic-search\",conversion=\"payment-confirmed\",kind=\"macro\"} 1.0",
				"conversion_revenue_total{channel=\"organic-search\",conversion=\"payment-confirmed\",currency=\"EUR\"} 204.8",
				"conversion_funnel_step_total{channel=\"organic-search\",funnel=\"checkout\",step=\"purchase\"} 1.0",
				"conversion_visits_total{channel=\"organic-search\"} 1.0",
				"conversion_visitors_new_total{channel=\"organic-search\"} 1.0",
				"conversion_bots_total 1.0",
				"conversion_journeys 1.0",
				"conversion_errors_total{reason=\"expression\"} 0.0");
	}

	@Test
	void scrapesTheAsynchronousDownloadOnceItCompletesInTheVisitorsChannel() {
		Browser reader = new Browser(this.port).header("Referer", "https://www.linkedin.com/");
		assertThat(reader.get("/whitepaper/download").statusCode()).isEqualTo(200);
		String download = "conversion_hits_total{channel=\"social\",conversion=\"whitepaper-download\",kind=\"micro\"} 1.0";
		await().atMost(Duration.ofSeconds(5)).until(() -> scrape().contains(download));
		assertThat(scrape()).contains(
				"conversion_funnel_step_total{channel=\"social\",funnel=\"lead\",step=\"whitepaper-download\"} 1.0",
				"conversion_visits_total{channel=\"social\"} 1.0");
	}

	@Test
	void scrapesEverySeriesOfEveryDeclaredConversionAtZeroFromStartUp() {
		assertThat(scrape()).contains(
				"conversion_hits_total{channel=\"paid\",conversion=\"purchase\",kind=\"macro\"} 0.0",
				"conversion_hits_total{channel=\"campaign\",conversion=\"add-to-cart\",kind=\"micro\"} 0.0",
				"conversion_revenue_total{channel=\"email\",conversion=\"purchase\",currency=\"EUR\"} 0.0",
				"conversion_failures_total{conversion=\"purchase\",kind=\"macro\",outcome=\"error\"} 0.0",
				"conversion_hits_total{channel=\"referral\",conversion=\"payment-confirmed\",kind=\"macro\"} 0.0",
				"conversion_funnel_step_total{channel=\"organic-search\",funnel=\"checkout\",step=\"product-view\"} 0.0",
				"conversion_funnel_abandoned_total{funnel=\"checkout\",step=\"add-to-cart\"} 0.0",
				"conversion_visits_total{channel=\"direct\"} 0.0",
				"conversion_bots_total 0.0",
				"conversion_journeys 0.0");
	}

	private List<String> scrape() {
		HttpResponse<String> scrape = new Browser(this.port).get("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		return scrape.body().lines().toList();
	}

	private static HttpResponse<String> addToCart(Browser browser, String productId, int quantity) {
		return browser.post("/cart/items", Map.of("productId", productId, "quantity", String.valueOf(quantity)));
	}

	private static String hidden(String page, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
		assertThat(matcher.find()).as("hidden field " + name).isTrue();
		return matcher.group(1);
	}

}
