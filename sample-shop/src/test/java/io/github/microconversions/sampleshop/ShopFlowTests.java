package io.github.microconversions.sampleshop;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each shop flow over real HTTP, as a browser clicks it, with the exact meter values it leaves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// Before, not after: the first method must not inherit a context another class left cached.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class ShopFlowTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Test
	void countsProductViewsAndAnUnknownProductAsRejected() {
		Browser browser = new Browser(this.port).header("Referer", "https://www.google.com/");
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(browser.get("/products/p-1").statusCode()).isEqualTo(200);
		assertThat(browser.get("/products/p-2").statusCode()).isEqualTo(200);
		assertThat(browser.get("/products/nope").statusCode()).isEqualTo(404);
		assertThat(hits("product-view", "organic-search")).isEqualTo(2);
		assertThat(visitors("product-view")).isEqualTo(1);
		assertThat(failures("product-view", "rejected")).isEqualTo(1);
		assertThat(count("conversion.visits", "channel", "organic-search")).isEqualTo(1);
	}

	@Test
	void countsAddToCartByCategory() {
		Browser browser = new Browser(this.port);
		assertThat(addToCart(browser, "p-1", 1).statusCode()).isEqualTo(302);
		addToCart(browser, "p-4", 2);
		addToCart(browser, "p-4", 1);
		assertThat(addToCart(browser, "nope", 1).statusCode()).isEqualTo(404);
		assertThat(hits("add-to-cart", "direct")).isEqualTo(3);
		assertThat(tagged("add-to-cart", "socks")).isEqualTo(2);
		assertThat(tagged("add-to-cart", "shoes")).isEqualTo(1);
		assertThat(browser.get("/cart").body()).contains("Wool socks").contains("127.40 EUR");
	}

	@Test
	void countsCheckoutAndPurchaseWithRevenueAndAnEmptyCartAsRejected() {
		Browser browser = new Browser(this.port).header("Referer", "https://l.facebook.com/");
		browser.get("/products/p-1");
		addToCart(browser, "p-1", 2);
		assertThat(browser.post("/checkout", Map.of()).statusCode()).isEqualTo(200);
		HttpResponse<String> order = browser.post("/orders", Map.of());
		assertThat(order.statusCode()).isEqualTo(200);
		assertThat(order.body()).contains("179.80 EUR");
		assertThat(browser.post("/orders", Map.of()).statusCode()).isEqualTo(400);
		assertThat(browser.post("/checkout", Map.of()).statusCode()).isEqualTo(400);
		assertThat(hits("checkout-started", "social")).isEqualTo(1);
		assertThat(hits("purchase", "social")).isEqualTo(1);
		assertThat(revenue("purchase", "social")).isEqualTo(179.8);
		assertThat(failures("purchase", "rejected")).isEqualTo(1);
		assertThat(failures("checkout-started", "rejected")).isEqualTo(1);
		assertThat(funnelStep("checkout", "purchase", "social")).isEqualTo(1);
		assertThat(funnelStep("checkout", "product-view", "social")).isEqualTo(1);
	}

	@Test
	void countsARetriedPaymentWebhookOnceForTheVisitorWhoOrdered() {
		Browser browser = new Browser(this.port).header("Referer", "https://mail.google.com/");
		addToCart(browser, "p-3", 1);
		browser.post("/checkout", Map.of());
		String order = browser.post("/orders", Map.of()).body();
		Map<String, String> payment = Map.of("orderId", hidden(order, "orderId"), "visitorId",
				hidden(order, "visitorId"), "amount", hidden(order, "amount"));
		Browser provider = new Browser(this.port).header("User-Agent", "PaymentProvider-Webhooks/2.0");
		for (int retry = 0; retry < 3; retry++) {
			assertThat(provider.post("/webhooks/payment", payment).statusCode()).isEqualTo(202);
		}
		assertThat(hits("payment-confirmed", "email")).isEqualTo(1);
		assertThat(revenue("payment-confirmed", "email")).isEqualTo(129.0);
		assertThat(visitors("payment-confirmed")).isEqualTo(1);
		assertThat(this.registry.get("conversion.journeys").gauge().value()).isEqualTo(1);
		assertThat(count("conversion.bots")).isZero();
	}

	@Test
	void countsANewsletterAddressOnce() {
		Browser browser = new Browser(this.port);
		assertThat(browser.post("/newsletter", Map.of("email", "ada@example.com")).statusCode()).isEqualTo(201);
		assertThat(browser.post("/newsletter", Map.of("email", "Ada@Example.com")).statusCode()).isEqualTo(200);
		assertThat(hits("newsletter-signup", "direct")).isEqualTo(1);
		assertThat(failures("newsletter-signup", "rejected")).isEqualTo(1);
	}

	@Test
	void countsALeadOnlyWhenTheFormIsValid() {
		Browser browser = new Browser(this.port).header("Referer", "https://www.linkedin.com/");
		HttpResponse<String> invalid = browser.post("/leads", Map.of("name", "Ada", "email", "not-an-email"));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("class=\"error\"");
		browser.post("/leads", Map.of("name", "", "email", "ada@example.com"));
		HttpResponse<String> valid = browser.post("/leads", Map.of("name", "Ada", "email", "ada@example.com"));
		assertThat(valid.body()).contains("we will be in touch");
		assertThat(hits("lead", "social")).isEqualTo(1);
		assertThat(failures("lead", "rejected")).isEqualTo(2);
	}

	@Test
	void countsTheAsynchronousWhitepaperDownloadWhenItCompletes() {
		Browser browser = new Browser(this.port);
		HttpResponse<String> download = browser.get("/whitepaper/download");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).contains("Server-side conversion tracking");
		await().atMost(Duration.ofSeconds(5)).until(() -> hits("whitepaper-download", "direct") == 1);
		assertThat(visitors("whitepaper-download")).isEqualTo(1);
		assertThat(funnelStep("lead", "whitepaper-download", "direct")).isEqualTo(1);
	}

	@Test
	void ignoresBotsEntirely() {
		Browser bot = new Browser(this.port).header("User-Agent", "Mozilla/5.0 (compatible; bingbot/2.0)");
		bot.get("/products/p-1");
		addToCart(bot, "p-1", 1);
		assertThat(count("conversion.bots")).isEqualTo(2);
		assertThat(count("conversion.hits")).isZero();
		assertThat(count("conversion.visits")).isZero();
	}

	private static HttpResponse<String> addToCart(Browser browser, String productId, int quantity) {
		return browser.post("/cart/items", Map.of("productId", productId, "quantity", String.valueOf(quantity)));
	}

	private static String hidden(String page, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
		assertThat(matcher.find()).as("hidden field " + name).isTrue();
		return matcher.group(1);
	}

	private double hits(String conversion, String channel) {
		return count("conversion.hits", "conversion", conversion, "channel", channel);
	}

	private double visitors(String conversion) {
		return count("conversion.visitors", "conversion", conversion);
	}

	private double failures(String conversion, String outcome) {
		return count("conversion.failures", "conversion", conversion, "outcome", outcome);
	}

	private double revenue(String conversion, String channel) {
		return count("conversion.revenue", "conversion", conversion, "channel", channel);
	}

	private double tagged(String conversion, String value) {
		return count("conversion.hits.tagged", "conversion", conversion, "value", value);
	}

	private double funnelStep(String funnel, String step, String channel) {
		return count("conversion.funnel.step", "funnel", funnel, "step", step, "channel", channel);
	}

	private double count(String name, String... tags) {
		return this.registry.find(name)
			.tags(tags)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
