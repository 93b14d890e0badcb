package io.github.microconversions.aop;

import io.github.microconversions.aop.ConversionMethodInterceptor.BoundConversion;
import io.github.microconversions.recording.TrackingErrorReason;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;

/**
 * Evaluates one call's expressions, turning every failure into a counted
 * {@code expression} error instead of an exception.
 */
final class ExpressionEvaluator {

	/** Returned by {@link #evaluate} for {@code Object} results when evaluation failed. */
	static final Object FAILED = new Object();

	private final BoundConversion conversion;

	private final EvaluationContext context;

	ExpressionEvaluator(BoundConversion conversion, EvaluationContext context) {
		this.conversion = conversion;
		this.context = context;
	}

	/**
	 * Evaluate an expression.
	 * @param <T> the expected type
	 * @param what the attribute, for messages
	 * @param expression the expression
	 * @param type the expected type
	 * @return the value; for {@code Object} results {@link #FAILED} when evaluation failed,
	 * otherwise {@code null} when it failed
	 */
	@SuppressWarnings("unchecked")
	<T> @Nullable T evaluate(String what, Expression expression, Class<T> type) {
		try {
			T value = expression.getValue(this.context, type);
			if (value == null && type == Boolean.class) {
				fail(what, expression, "returned null instead of true or false", null);
			}
			return value;
		}
		catch (EvaluationException ex) {
			fail(what, expression, "failed: " + ex.getMessage(), ex);
			return (type == Object.class) ? (T) FAILED : null;
		}
	}

	/**
	 * Evaluate a revenue expression.
	 * @param expression the revenue expression
	 * @return the amount, or {@code null} if the expression failed or returned no number
	 */
	@Nullable Double revenue(Expression expression) {
		Object value = evaluate("revenue", expression, Object.class);
		if (value == FAILED) {
			return null;
		}
		if (!(value instanceof Number number)) {
			fail("revenue", expression, "returned " + value + " instead of a number", null);
			return null;
		}
		return number.doubleValue();
	}

	private void fail(String what, Expression expression, String problem, @Nullable Throwable cause) {
		String name = this.conversion.method().name();
		this.conversion.errors()
			.report(TrackingErrorReason.EXPRESSION, name, "The " + what + " expression '"
					+ expression.getExpressionString() + "' of '" + name + "' on "
					+ this.conversion.method().describe() + " " + problem, cause);
	}

}
