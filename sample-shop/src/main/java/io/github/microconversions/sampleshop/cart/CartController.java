package io.github.microconversions.sampleshop.cart;

import io.github.microconversions.sampleshop.catalog.Product;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cart page, and adding to it.
 */
@Controller
class CartController {

	private final Cart cart;

	CartController(Cart cart) {
		this.cart = cart;
	}

	@GetMapping("/cart")
	String cart(Model model) {
		model.addAttribute("cart", this.cart);
		return "cart";
	}

	@PostMapping("/cart/items")
	@AddToCart
	public String addToCart(@RequestParam("productId") Product product, @RequestParam(defaultValue = "1") int quantity) {
		this.cart.add(product, Math.max(1, Math.min(quantity, 99)));
		return "redirect:/cart";
	}

}
