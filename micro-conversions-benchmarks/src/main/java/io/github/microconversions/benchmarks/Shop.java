package io.github.microconversions.benchmarks;

import io.github.microconversions.MicroConversion;
import io.micrometer.core.annotation.Counted;

/**
 * The benchmarked target: one method carrying both annotations, so that each proxy applies
 * only its own advice to the same code.
 */
public class Shop {

	@MicroConversion("product-view")
	@Counted("shop.product.views")
	public int viewProduct(int id) {
		return id + 1;
	}

}
