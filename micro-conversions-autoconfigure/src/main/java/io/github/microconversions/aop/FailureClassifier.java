package io.github.microconversions.aop;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import io.github.microconversions.metrics.FailureOutcome;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Decides whether a call failed the visitor's request (4xx: rejected) or failed on the server
 * (error), from its exception or the status of its returned {@code ResponseEntity} or
 * {@code ModelAndView}.
 */
final class FailureClassifier {

	private static final boolean WEB_PRESENT = ClassUtils.isPresent("org.springframework.web.ErrorResponse",
			FailureClassifier.class.getClassLoader());

	private static final boolean WEB_MVC_PRESENT = ClassUtils
		.isPresent("org.springframework.web.servlet.ModelAndView", FailureClassifier.class.getClassLoader());

	// Keyed by exception class, a set bounded by the application's code.
	private final Map<Class<?>, FailureOutcome> byExceptionType = new ConcurrentHashMap<>();

	/**
	 * Classify an exception thrown by a call or by its {@code CompletionStage}.
	 * @param exception the exception
	 * @return {@code REJECTED} for an exception that carries a 4xx status, else {@code ERROR}
	 */
	FailureOutcome classify(Throwable exception) {
		Throwable cause = exception;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (!WEB_PRESENT) {
			return FailureOutcome.ERROR;
		}
		if (cause instanceof ErrorResponse errorResponse) {
			return outcomeOf(errorResponse.getStatusCode().value());
		}
		return this.byExceptionType.computeIfAbsent(cause.getClass(), FailureClassifier::outcomeOfAnnotated);
	}

	/**
	 * Classify a returned value by its HTTP status.
	 * @param result the returned value
	 * @return the failure outcome, or {@code null} if the value does not say the call failed
	 */
	@Nullable FailureOutcome classifyResult(@Nullable Object result) {
		HttpStatusCode status = null;
		if (WEB_PRESENT && result instanceof ResponseEntity<?> response) {
			status = response.getStatusCode();
		}
		else if (WEB_MVC_PRESENT && result instanceof ModelAndView modelAndView) {
			status = modelAndView.getStatus();
		}
		return (status != null && status.value() >= 400) ? outcomeOf(status.value()) : null;
	}

	private static FailureOutcome outcomeOfAnnotated(Class<?> exceptionType) {
		ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(exceptionType, ResponseStatus.class);
		return (status != null) ? outcomeOf(status.code().value()) : FailureOutcome.ERROR;
	}

	private static FailureOutcome outcomeOf(int status) {
		return (status >= 400 && status < 500) ? FailureOutcome.REJECTED : FailureOutcome.ERROR;
	}

}
