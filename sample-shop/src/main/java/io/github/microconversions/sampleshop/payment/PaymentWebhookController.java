package io.github.microconversions.sampleshop.payment;

import java.math.BigDecimal;

import io.github.microconversions.ConversionTracker;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's confirmation, hours later and without the visitor's cookie: recorded
 * from code for the visitor who placed the order, once per order however often the provider
 * retries.
 */
@RestController
class PaymentWebhookController {

	private final ConversionTracker tracker;

	PaymentWebhookController(ConversionTracker tracker) {
		this.tracker = tracker;
	}

	@PostMapping("/webhooks/payment")
	ResponseEntity<String> paymentConfirmed(@RequestParam String orderId,
			@RequestParam(defaultValue = "") String visitorId, @RequestParam BigDecimal amount) {
		this.tracker.conversion("payment-confirmed")
			.visitor(visitorId.isEmpty() ? null : visitorId)
			.revenue(amount, "EUR")
			.idempotencyKey(orderId)
			.record();
		// The provider reads the status; a person playing the provider in a browser reads the body.
		return ResponseEntity.accepted()
			.contentType(MediaType.TEXT_PLAIN)
			.body("Payment of order " + orderId + " confirmed. Back to the shop: /\n");
	}

}
