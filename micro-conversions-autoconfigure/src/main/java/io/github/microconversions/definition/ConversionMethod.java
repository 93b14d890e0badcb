package io.github.microconversions.definition;

import java.lang.reflect.Method;
import java.util.List;

import io.github.microconversions.ConversionKind;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.support.DataBindingMethodResolver;
import org.springframework.expression.spel.support.DataBindingPropertyAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Everything resolved once about an annotated method, so that a call reads it and parses,
 * reflects and looks up nothing.
 *
 * @param name the conversion name
 * @param kind the conversion kind
 * @param method the annotated method, for messages
 * @param condition the parsed condition, or {@code null} for always
 * @param revenue the parsed revenue expression, or {@code null} for none
 * @param currency the declared currency, or {@code null} for the default currency
 * @param tags the custom tags
 * @param variableNames the SpEL variable names of each parameter, {@code #p0} style first
 * @param errorsParameterIndexes indexes of {@code BindingResult}/{@code Errors} parameters
 * @param asynchronous whether the method returns a {@code CompletionStage}
 */
public record ConversionMethod(String name, ConversionKind kind, Method method, @Nullable Expression condition,
		@Nullable Expression revenue, @Nullable String currency, List<TagDefinition> tags, String[][] variableNames,
		int[] errorsParameterIndexes, boolean asynchronous) {

	// Shared by every call, so that their caches of getters and methods outlive one evaluation:
	// forReadOnlyDataBinding() would make new ones, and look members up by reflection, per call.
	private static final PropertyAccessor READ_ONLY_PROPERTIES = DataBindingPropertyAccessor.forReadOnlyAccess();

	private static final MethodResolver INSTANCE_METHODS = DataBindingMethodResolver.forInstanceMethodInvocation();

	/**
	 * Return whether evaluating this method's outcome needs a SpEL context.
	 * @return {@code true} if it has a condition, a revenue or tags
	 */
	public boolean hasExpressions() {
		return this.condition != null || this.revenue != null || !this.tags.isEmpty();
	}

	/**
	 * Create a read-only evaluation context holding the call's arguments and result.
	 * @param arguments the call's arguments
	 * @param result the call's result
	 * @return a context that reads properties and calls methods, but writes nothing and
	 * reaches no type, bean or constructor
	 */
	public EvaluationContext evaluationContext(@Nullable Object[] arguments, @Nullable Object result) {
		SimpleEvaluationContext context = SimpleEvaluationContext.forPropertyAccessors(READ_ONLY_PROPERTIES)
			.withMethodResolvers(INSTANCE_METHODS)
			.withAssignmentDisabled()
			.build();
		for (int i = 0; i < arguments.length && i < this.variableNames.length; i++) {
			for (String variableName : this.variableNames[i]) {
				context.setVariable(variableName, arguments[i]);
			}
		}
		context.setVariable("result", result);
		return context;
	}

	/**
	 * Return a short description of the method for messages, such as
	 * {@code ShopController#addToCart}.
	 * @return the description
	 */
	public String describe() {
		return describe(this.method);
	}

	static String describe(Method method) {
		return method.getDeclaringClass().getName() + "#" + method.getName();
	}

}
