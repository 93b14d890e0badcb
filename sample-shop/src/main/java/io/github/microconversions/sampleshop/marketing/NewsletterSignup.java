package io.github.microconversions.sampleshop.marketing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.microconversions.MicroConversion;

/**
 * A newsletter signup: counted only for a new address (201), not for a repeat (200).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MicroConversion(value = "newsletter-signup", condition = "#result.status.value() == 201")
public @interface NewsletterSignup {

}
