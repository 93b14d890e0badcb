package io.github.microconversions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records a micro conversion, a small step that signals intent, each time the annotated
 * method succeeds.
 * <p>
 * A call succeeds when it throws nothing, returns no {@code ResponseEntity} with a status of
 * 400 or more, leaves no errors in a {@code BindingResult}/{@code Errors} parameter, and its
 * {@link #condition()} (if any) is true. Expressions are SpEL, parsed once at start-up and
 * evaluated with the method's parameters by name, {@code #p0}.., and {@code #result}. The
 * annotation may also sit on an annotation of your own, or on an interface method.
 *
 * @see MacroConversion
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MicroConversion {

	/**
	 * Name of the conversion, matching {@code [a-z0-9][a-z0-9._-]{0,62}}, such as
	 * {@code add-to-cart}.
	 * @return the conversion name
	 */
	String value();

	/**
	 * SpEL condition that must be true for the call to count, such as
	 * {@code #result.statusCode.value() == 201}. Empty means always.
	 * @return the condition expression
	 */
	String condition() default "";

	/**
	 * Extra dimensions as {@code key=expression} pairs, such as
	 * {@code category=#product.category}, recorded on {@code conversion.hits.tagged}. Values
	 * beyond {@code micro-conversions.tags.max-values} per key become {@code other}.
	 * @return the tag definitions
	 */
	String[] tags() default {};

}
