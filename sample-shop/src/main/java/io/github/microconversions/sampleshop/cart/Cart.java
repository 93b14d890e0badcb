package io.github.microconversions.sampleshop.cart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.github.microconversions.sampleshop.catalog.Product;

import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * The visitor's cart, kept in their HTTP session.
 */
@Component
@SessionScope
public class Cart {

	private final List<CartLine> lines = new ArrayList<>();

	public synchronized void add(Product product, int quantity) {
		this.lines.add(new CartLine(product, quantity));
	}

	public synchronized List<CartLine> lines() {
		return List.copyOf(this.lines);
	}

	public synchronized BigDecimal total() {
		return this.lines.stream().map(CartLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public synchronized boolean isEmpty() {
		return this.lines.isEmpty();
	}

	public synchronized void clear() {
		this.lines.clear();
	}

}
