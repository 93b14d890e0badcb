package io.github.microconversions.definition;

/**
 * Thrown at start-up when a conversion is declared in a way that cannot be recorded; carries
 * what is wrong and how to fix it, for the failure analyzer to print.
 */
public class InvalidConversionDeclarationException extends RuntimeException {

	private final String action;

	/**
	 * Create a new exception.
	 * @param description what is wrong, naming the method or property
	 * @param action how to fix it
	 */
	public InvalidConversionDeclarationException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * Return how to fix the declaration.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
