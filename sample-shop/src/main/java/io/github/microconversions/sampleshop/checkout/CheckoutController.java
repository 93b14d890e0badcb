package io.github.microconversions.sampleshop.checkout;

import java.util.UUID;

import io.github.microconversions.ConversionTracker;
import io.github.microconversions.MacroConversion;
import io.github.microconversions.MicroConversion;
import io.github.microconversions.sampleshop.cart.Cart;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Checkout and order placement.
 */
@Controller
class CheckoutController {

	private final Cart cart;

	private final ConversionTracker tracker;

	CheckoutController(Cart cart, ConversionTracker tracker) {
		this.cart = cart;
		this.tracker = tracker;
	}

	@PostMapping("/checkout")
	@MicroConversion("checkout-started")
	public ModelAndView checkout() {
		requireItems();
		return new ModelAndView("checkout", "cart", this.cart);
	}

	// The visitor id is kept with the order, so that the payment webhook can credit them.
	@PostMapping("/orders")
	@MacroConversion(value = "purchase", revenue = "#result.model['order'].total", currency = "EUR")
	public ModelAndView order() {
		requireItems();
		Order order = new Order(UUID.randomUUID().toString(), this.tracker.currentVisitorId().orElse(""),
				this.cart.total());
		this.cart.clear();
		return new ModelAndView("order", "order", order);
	}

	private void requireItems() {
		if (this.cart.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The cart is empty");
		}
	}

}
