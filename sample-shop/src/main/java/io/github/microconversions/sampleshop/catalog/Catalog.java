package io.github.microconversions.sampleshop.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The shop's products, in memory.
 */
@Component
public class Catalog {

	private final List<Product> products = List.of(
			new Product("p-1", "Trail running shoes", "shoes", new BigDecimal("89.90")),
			new Product("p-2", "Merino shirt", "shirts", new BigDecimal("49.00")),
			new Product("p-3", "Rain jacket", "jackets", new BigDecimal("129.00")),
			new Product("p-4", "Wool socks", "socks", new BigDecimal("12.50")));

	public List<Product> all() {
		return this.products;
	}

	public Optional<Product> find(String id) {
		return this.products.stream().filter((product) -> product.id().equals(id)).findFirst();
	}

}
