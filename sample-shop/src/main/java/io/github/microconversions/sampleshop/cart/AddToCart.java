package io.github.microconversions.sampleshop.cart;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.microconversions.MicroConversion;

/**
 * The shop's own annotation for an add to cart, carrying {@link MicroConversion}, with the
 * product's category as a custom tag.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MicroConversion(value = "add-to-cart", tags = "category=#product.category")
public @interface AddToCart {

}
