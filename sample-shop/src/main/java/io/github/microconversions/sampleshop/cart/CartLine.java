package io.github.microconversions.sampleshop.cart;

import java.math.BigDecimal;

import io.github.microconversions.sampleshop.catalog.Product;

/**
 * A product in a quantity.
 *
 * @param product the product
 * @param quantity how many
 */
public record CartLine(Product product, int quantity) {

	public BigDecimal total() {
		return this.product.price().multiply(BigDecimal.valueOf(this.quantity));
	}

}
