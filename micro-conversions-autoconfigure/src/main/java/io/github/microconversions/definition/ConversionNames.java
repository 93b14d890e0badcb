package io.github.microconversions.definition;

import java.util.regex.Pattern;

/**
 * The rule every conversion name follows, so that names are safe as tag values everywhere.
 */
public final class ConversionNames {

	/** The pattern a conversion name must match. */
	public static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,62}";

	/** The pattern in words, for messages that tell how to fix a name. */
	public static final String RULE = "lower-case letters, digits, '.', '_' and '-', starting with a letter or "
			+ "digit, at most 63 characters";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private ConversionNames() {
	}

	/**
	 * Return whether the given name is a valid conversion name.
	 * @param name the candidate
	 * @return {@code true} if it matches {@link #PATTERN}
	 */
	public static boolean isValid(String name) {
		return COMPILED.matcher(name).matches();
	}

}
