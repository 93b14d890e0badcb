package io.github.microconversions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records a macro conversion, the goal itself (a purchase, a lead), each time the annotated
 * method succeeds, with optional revenue.
 * <p>
 * Success and expressions follow the same rules as {@link MicroConversion}.
 *
 * @see MicroConversion
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MacroConversion {

	/**
	 * Name of the conversion, matching {@code [a-z0-9][a-z0-9._-]{0,62}}, such as
	 * {@code purchase}.
	 * @return the conversion name
	 */
	String value();

	/**
	 * SpEL condition that must be true for the call to count. Empty means always.
	 * @return the condition expression
	 */
	String condition() default "";

	/**
	 * SpEL expression for the revenue of the conversion, a non-negative number such as
	 * {@code #result.total}. Empty means no revenue is recorded.
	 * @return the revenue expression
	 */
	String revenue() default "";

	/**
	 * ISO 4217 code of the revenue's currency. Empty means
	 * {@code micro-conversions.default-currency}.
	 * @return the currency code
	 */
	String currency() default "";

	/**
	 * Extra dimensions as {@code key=expression} pairs, recorded on
	 * {@code conversion.hits.tagged}.
	 * @return the tag definitions
	 */
	String[] tags() default {};

}
