package io.github.microconversions.autoconfigure;

import io.github.microconversions.definition.InvalidConversionDeclarationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a conversion declaration that stopped start-up: which method, what is wrong, and the
 * fix.
 */
class InvalidConversionDeclarationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConversionDeclarationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConversionDeclarationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
