package io.github.microconversions.sampleshop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.microconversions.MicroConversion;

/**
 * The shop's own annotation for an add to cart, carrying {@link MicroConversion}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MicroConversion(value = "add-to-cart", tags = "category=#result.body?.product?.category")
public @interface AddToCart {

}
