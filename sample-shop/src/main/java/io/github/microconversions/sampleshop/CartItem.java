package io.github.microconversions.sampleshop;

import java.math.BigDecimal;

/**
 * A product in a quantity.
 *
 * @param product the product
 * @param quantity how many
 */
public record CartItem(Product product, int quantity) {

	public BigDecimal total() {
		return this.product.price().multiply(BigDecimal.valueOf(this.quantity));
	}

}
