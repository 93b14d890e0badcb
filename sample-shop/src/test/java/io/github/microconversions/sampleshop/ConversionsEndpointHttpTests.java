package io.github.microconversions.sampleshop;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code conversions} endpoint over HTTP, as the shop exposes it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// Exact visitor counts: start from a context no other test class drove traffic through.
@DirtiesContext(classMode = ClassMode.BEFORE_CLASS)
class ConversionsEndpointHttpTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void servesConversionsAndFunnelsAsJson() {
		Browser buyer = new Browser(this.port).header("Referer", "https://duckduckgo.com/");
		buyer.get("/products/p-2");
		buyer.post("/cart/items", Map.of("productId", "p-2", "quantity", "1"));
		buyer.post("/checkout", Map.of());
		buyer.post("/orders", Map.of());
		new Browser(this.port).get("/products/p-1");

		JsonNode report = this.json.readTree(new Browser(this.port).get("/actuator/conversions").body());
		assertThat(report.get("visitors").asLong()).isEqualTo(2);
		assertThat(report.get("engagement").get("microConverted").asLong()).isEqualTo(2);
		assertThat(report.get("engagement").get("macroConverted").asLong()).isEqualTo(1);
		assertThat(report.get("engagement").get("noConversion").asLong()).isZero();
		JsonNode purchase = report.get("conversions").get("purchase");
		assertThat(purchase.get("kind").asString()).isEqualTo("macro");
		assertThat(purchase.get("revenue").get("EUR").asDouble()).isEqualTo(49.0);
		assertThat(purchase.get("visitorRate").get("value").asDouble()).isEqualTo(0.5);
		assertThat(purchase.get("channels").get("organic-search").get("hits").asLong()).isEqualTo(1);
		assertThat(report.get("conversions").get("lead").get("visitorRate").get("value").asDouble()).isZero();

		JsonNode checkout = this.json.readTree(new Browser(this.port).get("/actuator/conversions/checkout").body());
		assertThat(checkout.get("window").asString()).isEqualTo("PT24H");
		assertThat(checkout.get("steps").findValuesAsString("name")).containsExactly("product-view", "add-to-cart",
				"checkout-started", "purchase");
		assertThat(checkout.get("steps").get(1).get("visitors").asLong()).isEqualTo(1);
		assertThat(checkout.get("steps").get(1).get("dropOff").asLong()).isEqualTo(1);
		assertThat(checkout.get("conversionRate").get("value").asDouble()).isEqualTo(0.5);
		assertThat(checkout.get("medianTimeToConvert").isString()).isTrue();
		assertThat(checkout.get("channels").get("organic-search").get("steps").toString()).isEqualTo("[1,1,1,1]");

		JsonNode lead = this.json.readTree(new Browser(this.port).get("/actuator/conversions/lead").body());
		assertThat(lead.get("conversionRate").isNull()).isTrue();
		assertThat(lead.get("medianTimeToConvert").isNull()).isTrue();
		assertThat(lead.get("steps").get(1).get("fromPrevious").isNull()).isTrue();
	}

	@Test
	void answersAnUnknownFunnelWith404() {
		assertThat(new Browser(this.port).get("/actuator/conversions/nope").statusCode()).isEqualTo(404);
	}

}
