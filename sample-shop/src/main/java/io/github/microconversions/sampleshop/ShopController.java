package io.github.microconversions.sampleshop;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.microconversions.ConversionTracker;
import io.github.microconversions.MacroConversion;
import io.github.microconversions.MicroConversion;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's endpoints, each recording the conversion it stands for.
 */
@RestController
public class ShopController {

	private final Catalog catalog;

	private final ConversionTracker tracker;

	private final Set<String> subscribers = ConcurrentHashMap.newKeySet();

	public ShopController(Catalog catalog, ConversionTracker tracker) {
		this.catalog = catalog;
		this.tracker = tracker;
	}

	@GetMapping("/products")
	public List<Product> products() {
		return this.catalog.all();
	}

	@GetMapping("/products/{id}")
	@MicroConversion("product-view")
	public ResponseEntity<Product> product(@PathVariable String id) {
		return ResponseEntity.of(this.catalog.find(id));
	}

	@PostMapping("/cart/items")
	@AddToCart
	public ResponseEntity<CartItem> addToCart(@RequestParam String productId,
			@RequestParam(defaultValue = "1") int quantity) {
		return this.catalog.find(productId)
			.map((product) -> ResponseEntity.ok(new CartItem(product, quantity)))
			.orElseGet(() -> ResponseEntity.badRequest().build());
	}

	@PostMapping("/checkout")
	@MicroConversion("checkout-started")
	public Map<String, String> checkout() {
		return Map.of("next", "/orders");
	}

	@PostMapping("/orders")
	@MacroConversion(value = "purchase", revenue = "#result.body.total", currency = "EUR")
	public ResponseEntity<Order> order(@RequestParam String productId, @RequestParam(defaultValue = "1") int quantity) {
		return this.catalog.find(productId)
			.map((product) -> ResponseEntity.status(HttpStatus.CREATED)
				.body(new Order(UUID.randomUUID().toString(), this.tracker.currentVisitorId().orElse(""),
						new CartItem(product, quantity).total())))
			.orElseGet(() -> ResponseEntity.badRequest().build());
	}

	@PostMapping("/newsletter")
	@NewsletterSignup
	public ResponseEntity<Void> subscribe(@RequestParam String email) {
		return ResponseEntity.status(this.subscribers.add(email) ? HttpStatus.CREATED : HttpStatus.OK).build();
	}

	/**
	 * The payment provider's confirmation, hours later and without the visitor's cookie:
	 * recorded from code, once per order however often the provider retries.
	 */
	@PostMapping("/webhooks/payment")
	public ResponseEntity<Void> paymentConfirmed(@RequestParam String orderId, @RequestParam String visitorId,
			@RequestParam BigDecimal amount) {
		this.tracker.conversion("payment-confirmed")
			.visitor(visitorId.isEmpty() ? null : visitorId)
			.revenue(amount, "EUR")
			.idempotencyKey(orderId)
			.record();
		return ResponseEntity.accepted().build();
	}

}
