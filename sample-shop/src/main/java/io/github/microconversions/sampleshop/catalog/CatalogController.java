package io.github.microconversions.sampleshop.catalog;

import io.github.microconversions.MicroConversion;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The catalog and product pages.
 */
@Controller
class CatalogController {

	private final Catalog catalog;

	CatalogController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String index(Model model) {
		model.addAttribute("products", this.catalog.all());
		return "index";
	}

	// An unknown product is a 404: counted in conversion.failures as rejected, not as a view.
	@GetMapping("/products/{id}")
	@MicroConversion("product-view")
	public String product(@PathVariable String id, Model model) {
		model.addAttribute("product",
				this.catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "product";
	}

}
