package io.github.microconversions.aop;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.microconversions.definition.ConversionMethod;
import io.github.microconversions.definition.TagDefinition;
import io.github.microconversions.metrics.ConversionCounters;
import io.github.microconversions.metrics.ConversionMeters;
import io.github.microconversions.metrics.FailureOutcome;
import io.github.microconversions.recording.ConversionRecorder;
import io.github.microconversions.recording.TrackingErrorReason;
import io.github.microconversions.recording.TrackingErrors;
import io.github.microconversions.visitor.VisitContext;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodClassKey;
import org.springframework.expression.EvaluationContext;
import org.springframework.validation.Errors;

/**
 * Records a conversion when an annotated method succeeds, and a failure when it does not.
 * <p>
 * An {@code Advisor} with a {@code MethodInterceptor} rather than an {@code @Around} aspect: it
 * costs a fraction of an AspectJ join point per call. The business call is never inside the
 * bookkeeping's try/catch: its result or exception passes through untouched.
 */
public final class ConversionMethodInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(ConversionMethodInterceptor.class);

	private final ConversionMethodRegistry registry;

	private final Supplier<Collaborators> collaborators;

	private final FailureClassifier failureClassifier = new FailureClassifier();

	private final Map<MethodClassKey, BoundConversion> bound = new ConcurrentHashMap<>();

	// The usual case, one target class per method, found without allocating a MethodClassKey.
	private final Map<Method, BoundConversion> boundByMethod = new ConcurrentHashMap<>();

	/**
	 * Create a new interceptor.
	 * @param registry the annotated methods
	 * @param collaborators the recording collaborators, resolved on the first call so that
	 * creating the interceptor early, as advisors are, creates no meter registry early
	 */
	public ConversionMethodInterceptor(ConversionMethodRegistry registry, Supplier<Collaborators> collaborators) {
		this.registry = registry;
		this.collaborators = collaborators;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		BoundConversion conversion = bindSafely(invocation);
		if (conversion == null) {
			return invocation.proceed();
		}
		VisitContext visit = VisitContext.current();
		if (visit.bot()) {
			return invocation.proceed();
		}
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			recordFailure(conversion, visit, ex);
			throw ex;
		}
		if (conversion.method().asynchronous() && result instanceof CompletionStage<?> stage) {
			@Nullable Object[] arguments = invocation.getArguments();
			stage.whenComplete((value, ex) -> {
				if (ex != null) {
					recordFailure(conversion, visit, ex);
				}
				else {
					recordReturn(conversion, visit, arguments, value);
				}
			});
			return result;
		}
		recordReturn(conversion, visit, invocation.getArguments(), result);
		return result;
	}

	// Binding happens once per method; should it ever fail, the call goes on unrecorded.
	private @Nullable BoundConversion bindSafely(MethodInvocation invocation) {
		try {
			return bind(invocation);
		}
		catch (RuntimeException ex) {
			try {
				this.collaborators.get()
					.errors()
					.report(TrackingErrorReason.INTERNAL, invocation.getMethod().getName(),
							"Preparing to record " + invocation.getMethod() + " failed; the call is not recorded", ex);
			}
			catch (RuntimeException unreported) {
				logger.debug("Could not report a failure to record " + invocation.getMethod(), unreported);
			}
			return null;
		}
	}

	private @Nullable BoundConversion bind(MethodInvocation invocation) {
		Object target = invocation.getThis();
		if (target == null) {
			return null;
		}
		BoundConversion conversion = this.boundByMethod.get(invocation.getMethod());
		if (conversion != null && conversion.targetClass() == target.getClass()) {
			return conversion;
		}
		MethodClassKey key = new MethodClassKey(invocation.getMethod(), target.getClass());
		conversion = this.bound.get(key);
		if (conversion != null) {
			return conversion;
		}
		ConversionMethod method = this.registry.resolve(invocation.getMethod(), target.getClass());
		if (method == null) {
			return null;
		}
		Collaborators collaborators = this.collaborators.get();
		String currency = (method.currency() != null) ? method.currency() : collaborators.defaultCurrency();
		ConversionCounters counters = collaborators.meters().declare(method.name(), method.kind(), currency);
		conversion = this.bound.computeIfAbsent(key, (k) -> new BoundConversion(method, target.getClass(), counters,
				currency, collaborators.recorder(), collaborators.errors()));
		this.boundByMethod.putIfAbsent(invocation.getMethod(), conversion);
		return conversion;
	}

	private void recordFailure(BoundConversion conversion, VisitContext visit, Throwable exception) {
		try {
			conversion.recorder().failure(conversion.counters(), visit, this.failureClassifier.classify(exception));
		}
		catch (RuntimeException ex) {
			reportInternal(conversion, ex);
		}
	}

	private void recordReturn(BoundConversion conversion, VisitContext visit, @Nullable Object[] arguments,
			@Nullable Object result) {
		try {
			FailureOutcome failure = this.failureClassifier.classifyResult(result);
			if (failure == null && hasErrors(arguments, conversion.method().errorsParameterIndexes())) {
				failure = FailureOutcome.REJECTED;
			}
			if (failure != null) {
				conversion.recorder().failure(conversion.counters(), visit, failure);
				return;
			}
			recordSuccess(conversion, visit, arguments, result);
		}
		catch (RuntimeException ex) {
			reportInternal(conversion, ex);
		}
	}

	private void recordSuccess(BoundConversion conversion, VisitContext visit, @Nullable Object[] arguments,
			@Nullable Object result) {
		ConversionMethod method = conversion.method();
		if (!method.hasExpressions()) {
			conversion.recorder().success(conversion.counters(), visit, null, conversion.currency());
			return;
		}
		EvaluationContext context = method.evaluationContext(arguments, result);
		ExpressionEvaluator evaluator = new ExpressionEvaluator(conversion, context);
		if (method.condition() != null) {
			Boolean condition = evaluator.evaluate("condition", method.condition(), Boolean.class);
			if (condition == null) {
				return;
			}
			if (!condition) {
				conversion.recorder().failure(conversion.counters(), visit, FailureOutcome.REJECTED);
				return;
			}
		}
		Double revenue = (method.revenue() != null) ? evaluator.revenue(method.revenue()) : null;
		conversion.recorder().success(conversion.counters(), visit, revenue, conversion.currency());
		recordTags(conversion, method.tags(), evaluator);
	}

	private void recordTags(BoundConversion conversion, List<TagDefinition> tags, ExpressionEvaluator evaluator) {
		for (TagDefinition tag : tags) {
			Object value = evaluator.evaluate("tag '" + tag.key() + "'", tag.value(), Object.class);
			if (value != ExpressionEvaluator.FAILED) {
				conversion.counters().tagged(tag.key(), (value != null) ? String.valueOf(value) : null);
			}
		}
	}

	private static boolean hasErrors(@Nullable Object[] arguments, int[] errorsParameterIndexes) {
		for (int index : errorsParameterIndexes) {
			if (arguments[index] instanceof Errors errors && errors.hasErrors()) {
				return true;
			}
		}
		return false;
	}

	private void reportInternal(BoundConversion conversion, RuntimeException ex) {
		conversion.errors().report(TrackingErrorReason.INTERNAL, conversion.method().name(),
				"Recording the conversion '" + conversion.method().name() + "' failed", ex);
	}

	/**
	 * What the interceptor records into, resolved on the first call.
	 *
	 * @param meters the conversion meters
	 * @param recorder the recorder
	 * @param errors where failures of the bookkeeping are counted
	 * @param defaultCurrency the currency of revenue that declares none
	 */
	public record Collaborators(ConversionMeters meters, ConversionRecorder recorder, TrackingErrors errors,
			String defaultCurrency) {
	}

	/**
	 * An annotated method bound to its meters, as one call needs it.
	 */
	record BoundConversion(ConversionMethod method, Class<?> targetClass, ConversionCounters counters,
			String currency, ConversionRecorder recorder, TrackingErrors errors) {
	}

}
