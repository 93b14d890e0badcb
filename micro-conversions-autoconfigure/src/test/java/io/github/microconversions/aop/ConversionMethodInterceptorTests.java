package io.github.microconversions.aop;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.microconversions.MacroConversion;
import io.github.microconversions.MicroConversion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ConversionMethodInterceptor}, without Spring: a CGLIB proxy and a
 * {@link SimpleMeterRegistry}.
 */
class ConversionMethodInterceptorTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Shop shop = new ConversionProxies(this.registry, 3).proxy(new Shop());

	@Test
	void recordsEverySuccessfulCall() {
		for (int i = 0; i < 37; i++) {
			this.shop.viewProduct("p-" + i);
		}
		assertThat(hits("product-view", "micro")).isEqualTo(37);
		assertThat(failures("product-view", "rejected") + failures("product-view", "error")).isZero();
	}

	@Test
	void countsAnExceptionAsErrorAndRethrowsItUntouched() {
		IllegalStateException thrown = new IllegalStateException("payment provider down");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.shop.purchaseFailing(thrown))
			.isSameAs(thrown);
		assertThat(hits("purchase", "macro")).isZero();
		assertThat(failures("purchase", "error")).isEqualTo(1);
	}

	@Test
	void countsAnExceptionCarryingA4xxStatusAsRejected() {
		assertThatExceptionOfType(ResponseStatusException.class)
			.isThrownBy(() -> this.shop.purchaseFailing(new ResponseStatusException(HttpStatus.CONFLICT)));
		assertThatExceptionOfType(OutOfStockException.class)
			.isThrownBy(() -> this.shop.purchaseFailing(new OutOfStockException()));
		assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(
				() -> this.shop.purchaseFailing(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE)));
		assertThat(failures("purchase", "rejected")).isEqualTo(2);
		assertThat(failures("purchase", "error")).isEqualTo(1);
		assertThat(hits("purchase", "macro")).isZero();
	}

	@Test
	void recordsNothingWhenResponseEntityHasAnErrorStatus() {
		assertThat(this.shop.order(HttpStatus.NOT_FOUND).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		this.shop.order(HttpStatus.BAD_GATEWAY);
		this.shop.order(HttpStatus.CREATED);
		this.shop.order(HttpStatus.SEE_OTHER);
		assertThat(hits("order", "macro")).isEqualTo(2);
		assertThat(failures("order", "rejected")).isEqualTo(1);
		assertThat(failures("order", "error")).isEqualTo(1);
	}

	@Test
	void recordsNothingWhenModelAndViewHasAnErrorStatus() {
		this.shop.page(HttpStatus.UNPROCESSABLE_CONTENT);
		this.shop.page(HttpStatus.INTERNAL_SERVER_ERROR);
		this.shop.page(HttpStatus.OK);
		assertThat(hits("page", "micro")).isEqualTo(1);
		assertThat(failures("page", "rejected")).isEqualTo(1);
		assertThat(failures("page", "error")).isEqualTo(1);
	}

	@Test
	void recordsNothingWhenBindingResultHasErrors() {
		BindingResult invalid = new BeanPropertyBindingResult(new Object(), "lead");
		invalid.reject("email.invalid");
		this.shop.submitLead("x", invalid);
		this.shop.submitLead("y", new BeanPropertyBindingResult(new Object(), "lead"));
		assertThat(hits("lead", "macro")).isEqualTo(1);
		assertThat(failures("lead", "rejected")).isEqualTo(1);
	}

	@Test
	void recordsOnlyWhenConditionIsTrue() {
		this.shop.subscribe("new@example.com", true);
		this.shop.subscribe("again@example.com", false);
		this.shop.subscribe("another@example.com", true);
		assertThat(hits("newsletter-signup", "micro")).isEqualTo(2);
		assertThat(failures("newsletter-signup", "rejected")).isEqualTo(1);
	}

	@Test
	void sumsRevenueExactly() {
		this.shop.purchase(new Order("o-1", new BigDecimal("19.99")));
		this.shop.purchase(new Order("o-2", new BigDecimal("5.01")));
		this.shop.purchase(new Order("o-3", new BigDecimal("0.00")));
		assertThat(hits("purchase", "macro")).isEqualTo(3);
		assertThat(this.registry.get("conversion.revenue")
			.tags("conversion", "purchase", "currency", "EUR", "channel", "direct")
			.counter()
			.count()).isEqualTo(25.0);
	}

	@Test
	void failingRevenueExpressionLeavesResponseUntouchedAndCountsAnError() {
		assertThat(this.shop.purchase(null)).isNull();
		assertThat(hits("purchase", "macro")).isEqualTo(1);
		assertThat(errors("expression")).isEqualTo(1);
		assertThat(this.registry.get("conversion.revenue").tag("conversion", "purchase").counter().count()).isZero();
	}

	@Test
	void negativeRevenueIsCountedWithoutRevenue() {
		this.shop.purchase(new Order("refund", new BigDecimal("-10")));
		assertThat(hits("purchase", "macro")).isEqualTo(1);
		assertThat(errors("invalid-revenue")).isEqualTo(1);
	}

	@Test
	void failingConditionCountsAnErrorAndNeitherHitNorFailure() {
		this.shop.conditionOnNull(null);
		assertThat(hits("broken-condition", "micro")).isZero();
		assertThat(failures("broken-condition", "rejected")).isZero();
		assertThat(errors("expression")).isEqualTo(1);
	}

	@Test
	void recordsCompletionStageWhenItCompletesNeverWhenReturned() {
		CompletableFuture<String> pending = new CompletableFuture<>();
		CompletionStage<String> returned = this.shop.download(pending);
		assertThat(hits("whitepaper-download", "micro")).isZero();
		pending.complete("whitepaper.pdf");
		assertThat(returned.toCompletableFuture().join()).isEqualTo("whitepaper.pdf");
		assertThat(hits("whitepaper-download", "micro")).isEqualTo(1);
	}

	@Test
	void countsAFailedCompletionStageAsError() {
		CompletableFuture<String> pending = new CompletableFuture<>();
		this.shop.download(pending);
		pending.completeExceptionally(new IllegalStateException("storage down"));
		assertThat(hits("whitepaper-download", "micro")).isZero();
		assertThat(failures("whitepaper-download", "error")).isEqualTo(1);
	}

	@Test
	void findsMetaAnnotations() {
		this.shop.addToCart("shoes");
		assertThat(hits("add-to-cart", "micro")).isEqualTo(1);
	}

	@Test
	void findsAnnotationsOnInterfaceMethods() {
		Checkout checkout = new ConversionProxies(this.registry, 3).proxy(new DefaultCheckout());
		checkout.start();
		checkout.start();
		assertThat(hits("checkout-started", "micro")).isEqualTo(2);
	}

	@Test
	void boundsCustomTagValuesAndCountsTheRestAsOther() {
		for (String category : List.of("shoes", "shirts", "hats", "socks", "belts", "shoes")) {
			this.shop.addToCart(category);
		}
		assertThat(tagged("shoes")).isEqualTo(2);
		assertThat(tagged("shirts")).isEqualTo(1);
		assertThat(tagged("hats")).isEqualTo(1);
		assertThat(tagged("other")).isEqualTo(2);
		assertThat(this.registry.find("conversion.hits.tagged").counters()).hasSize(4);
	}

	@Test
	void readsParametersByNameAndByIndex() {
		this.shop.addToCartByIndex("shoes");
		assertThat(this.registry.get("conversion.hits.tagged")
			.tags("conversion", "add-to-cart-indexed", "tag", "category", "value", "shoes")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void callsThroughUnrecordedWhenRecordingCannotBePrepared() {
		ProxyFactory factory = new ProxyFactory(new Shop());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new DefaultPointcutAdvisor(new ConversionPointcut(),
				new ConversionMethodInterceptor(new ConversionMethodRegistry(), () -> {
					throw new IllegalStateException("no meter registry yet");
				})));
		Shop shop = (Shop) factory.getProxy();
		assertThat(shop.viewProduct("p-1")).isEqualTo("p-1");
		assertThat(this.registry.find("conversion.hits").counters()).isEmpty();
	}

	@Test
	void registersEveryChannelOfAConversionAtZeroOnFirstCall() {
		this.shop.viewProduct("p-1");
		assertThat(this.registry.find("conversion.hits").tag("conversion", "product-view").counters()).hasSize(7);
		assertThat(this.registry.get("conversion.hits")
			.tags("conversion", "product-view", "channel", "paid")
			.counter()
			.count()).isZero();
	}

	private double hits(String conversion, String kind) {
		return this.registry.get("conversion.hits")
			.tags("conversion", conversion, "kind", kind, "channel", "direct")
			.counter()
			.count();
	}

	private double failures(String conversion, String outcome) {
		return this.registry.get("conversion.failures").tags("conversion", conversion, "outcome", outcome).counter().count();
	}

	private double errors(String reason) {
		return this.registry.get("conversion.errors").tag("reason", reason).counter().count();
	}

	private double tagged(String value) {
		return this.registry.get("conversion.hits.tagged")
			.tags("conversion", "add-to-cart", "tag", "category", "value", value)
			.counter()
			.count();
	}

	record Order(String id, BigDecimal total) {
	}

	@ResponseStatus(HttpStatus.CONFLICT)
	static class OutOfStockException extends RuntimeException {

	}

	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@MicroConversion(value = "add-to-cart", tags = "category=#category")
	@interface AddToCart {

	}

	interface Checkout {

		@MicroConversion("checkout-started")
		void start();

	}

	static class DefaultCheckout implements Checkout {

		@Override
		public void start() {
		}

	}

	static class Shop {

		@MicroConversion("product-view")
		public String viewProduct(String id) {
			return id;
		}

		@MacroConversion(value = "purchase", revenue = "#result.total")
		public Order purchaseFailing(RuntimeException exception) {
			throw exception;
		}

		@MacroConversion(value = "purchase", revenue = "#result.total")
		public Order purchase(Order order) {
			return order;
		}

		@MacroConversion("order")
		public ResponseEntity<String> order(HttpStatus status) {
			return ResponseEntity.status(status).body(status.name());
		}

		@MicroConversion("page")
		public ModelAndView page(HttpStatus status) {
			ModelAndView page = new ModelAndView("page");
			page.setStatus(status);
			return page;
		}

		@MacroConversion("lead")
		public String submitLead(String email, BindingResult bindingResult) {
			return email;
		}

		@MicroConversion(value = "newsletter-signup", condition = "#result.statusCode.value() == 201")
		public ResponseEntity<Void> subscribe(String email, boolean isNew) {
			return ResponseEntity.status(isNew ? HttpStatus.CREATED : HttpStatus.OK).build();
		}

		@MicroConversion(value = "broken-condition", condition = "#value.length() > 2")
		public void conditionOnNull(String value) {
		}

		@MicroConversion("whitepaper-download")
		public CompletionStage<String> download(CompletableFuture<String> file) {
			return file;
		}

		@AddToCart
		public void addToCart(String category) {
		}

		@MicroConversion(value = "add-to-cart-indexed", tags = "category=#p0")
		public void addToCartByIndex(String category) {
		}

	}

}
