package io.github.microconversions.sampleshop;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every page reachable from the catalog, without a browser, and checks that every link
 * and form leads somewhere.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopPagesTests {

	private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"");

	private static final Pattern FORM = Pattern.compile("<form[^>]*method=\"post\"[^>]*action=\"(/[^\"]*)\"");

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	@Test
	void rendersEveryPageAndEveryLinkAndFormLeadsSomewhere() {
		Browser browser = new Browser(this.port);
		browser.post("/cart/items", Map.of("productId", "p-1", "quantity", "1"));
		Set<String> pages = new LinkedHashSet<>();
		Set<String> forms = new LinkedHashSet<>();
		Deque<String> toVisit = new ArrayDeque<>(List.of("/", "/cart"));
		while (!toVisit.isEmpty()) {
			String path = toVisit.pop();
			if (!pages.add(path)) {
				continue;
			}
			HttpResponse<String> page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			String contentType = page.headers().firstValue("Content-Type").orElse("");
			if (contentType.startsWith("text/html")) {
				assertThat(page.body()).as(path).doesNotContain("th:").contains("</html>");
				LINK.matcher(page.body()).results().map((match) -> match.group(1)).forEach(toVisit::add);
				FORM.matcher(page.body()).results().map((match) -> match.group(1)).forEach(forms::add);
			}
		}
		assertThat(pages).contains("/", "/cart", "/products/p-1", "/products/p-4", "/whitepaper", "/contact",
				"/whitepaper/download", "/shop.css");
		assertThat(forms).containsExactlyInAnyOrder("/newsletter", "/cart/items", "/checkout", "/leads");
		for (String form : forms) {
			assertThat(this.handlerMapping.getHandlerMethods().keySet())
				.as("a POST handler for " + form)
				.anySatisfy((mapping) -> {
					assertThat(mapping.getPatternValues()).contains(form);
					assertThat(mapping.getMethodsCondition().getMethods()).extracting(Enum::name).contains("POST");
				});
		}
		Matcher order = FORM.matcher(browser.post("/orders", Map.of()).body());
		assertThat(order.find()).isTrue();
		assertThat(order.group(1)).isEqualTo("/webhooks/payment");
	}

}
