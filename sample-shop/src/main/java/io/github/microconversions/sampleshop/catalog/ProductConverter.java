package io.github.microconversions.sampleshop.catalog;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Binds a product id in a request to its {@link Product}, so that annotations can read
 * {@code #product.category}.
 */
@Component
class ProductConverter implements Converter<String, Product> {

	private final Catalog catalog;

	ProductConverter(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Product convert(String id) {
		return this.catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
