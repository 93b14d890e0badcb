package io.github.microconversions.sampleshop.catalog;

import java.math.BigDecimal;

/**
 * A product of the catalog.
 *
 * @param id the product id
 * @param name the product name
 * @param category the category, one of a few
 * @param price the unit price in EUR
 */
public record Product(String id, String name, String category, BigDecimal price) {
}
