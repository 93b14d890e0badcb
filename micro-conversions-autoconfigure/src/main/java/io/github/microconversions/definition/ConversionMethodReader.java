package io.github.microconversions.definition;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.MacroConversion;
import io.github.microconversions.MicroConversion;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.validation.Errors;

/**
 * Reads {@link MicroConversion} and {@link MacroConversion} of a method, found directly, through
 * meta-annotations or on the interface and superclass methods it implements, and checks them.
 */
public final class ConversionMethodReader {

	private static final Pattern TAG_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.]{0,31}");

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	/**
	 * Return whether the given method carries a conversion annotation, without checking it.
	 * @param method the method
	 * @return {@code true} if annotated
	 */
	public static boolean isAnnotated(Method method) {
		MergedAnnotations annotations = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY);
		return annotations.isPresent(MicroConversion.class) || annotations.isPresent(MacroConversion.class);
	}

	/**
	 * Read the conversion declared on the given method.
	 * @param method the most specific method of the target class
	 * @return the resolved conversion method, or {@code null} if the method is not annotated
	 * @throws InvalidConversionDeclarationException if the declaration cannot be recorded
	 */
	public @Nullable ConversionMethod read(Method method) {
		MergedAnnotations annotations = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY);
		MergedAnnotation<MicroConversion> micro = annotations.get(MicroConversion.class);
		MergedAnnotation<MacroConversion> macro = annotations.get(MacroConversion.class);
		if (micro.isPresent() && macro.isPresent()) {
			throw new InvalidConversionDeclarationException(
					where(method) + " carries both @MicroConversion and @MacroConversion.",
					"Keep one: a call is either a small step (micro) or the goal (macro).");
		}
		if (micro.isPresent()) {
			return read(method, ConversionKind.MICRO, micro, null, null);
		}
		if (macro.isPresent()) {
			return read(method, ConversionKind.MACRO, macro, nonEmpty(macro.getString("revenue")),
					nonEmpty(macro.getString("currency")));
		}
		return null;
	}

	private ConversionMethod read(Method method, ConversionKind kind, MergedAnnotation<?> annotation,
			@Nullable String revenue, @Nullable String currency) {
		String name = annotation.getString("value");
		if (!ConversionNames.isValid(name)) {
			throw new InvalidConversionDeclarationException(
					where(method) + " names its conversion '" + name + "', which does not match "
							+ ConversionNames.PATTERN + ".",
					"Use " + ConversionNames.RULE + ", such as 'add-to-cart'.");
		}
		if (currency != null) {
			checkCurrency(method, currency);
		}
		return new ConversionMethod(name, kind, method, parse(method, "condition", nonEmpty(annotation.getString("condition"))),
				parse(method, "revenue", revenue), currency, tags(method, annotation.getStringArray("tags")),
				variableNames(method), errorsParameterIndexes(method),
				CompletionStage.class.isAssignableFrom(method.getReturnType()));
	}

	private @Nullable Expression parse(Method method, String attribute, @Nullable String expression) {
		if (expression == null) {
			return null;
		}
		try {
			return this.parser.parseExpression(expression);
		}
		catch (ParseException ex) {
			throw new InvalidConversionDeclarationException(
					where(method) + " has a " + attribute + " expression '" + expression + "' that does not parse: "
							+ ex.getMessage(),
					"Fix the SpEL expression. It sees the parameters by name (#product), as #p0.., and #result.");
		}
	}

	private List<TagDefinition> tags(Method method, String[] tags) {
		List<TagDefinition> definitions = new ArrayList<>(tags.length);
		Set<String> keys = new HashSet<>();
		for (String tag : tags) {
			int separator = tag.indexOf('=');
			String key = (separator > 0) ? tag.substring(0, separator).trim() : "";
			if (!TAG_KEY.matcher(key).matches() || separator == tag.length() - 1) {
				throw new InvalidConversionDeclarationException(
						where(method) + " has a tag '" + tag + "' that is not of the form key=expression.",
						"Write each tag as key=expression, such as \"category=#product.category\"; "
								+ "the key starts with a letter and has at most 32 letters, digits, '_' or '.'.");
			}
			if (!keys.add(key)) {
				throw new InvalidConversionDeclarationException(where(method) + " declares the tag '" + key + "' twice.",
						"Keep one expression per tag key.");
			}
			Expression value = parse(method, "tag", tag.substring(separator + 1).trim());
			definitions.add(new TagDefinition(key, value));
		}
		return List.copyOf(definitions);
	}

	private String[][] variableNames(Method method) {
		String[] discovered = this.parameterNames.getParameterNames(method);
		String[][] names = new String[method.getParameterCount()][];
		for (int i = 0; i < names.length; i++) {
			String indexed = "p" + i;
			boolean named = discovered != null && discovered[i] != null && !discovered[i].equals(indexed);
			names[i] = named ? new String[] { indexed, discovered[i] } : new String[] { indexed };
		}
		return names;
	}

	private int[] errorsParameterIndexes(Method method) {
		Class<?>[] types = method.getParameterTypes();
		return IntStream.range(0, types.length)
			.filter((index) -> Errors.class.isAssignableFrom(types[index]))
			.toArray();
	}

	private void checkCurrency(Method method, String currency) {
		try {
			Currency.getInstance(currency);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConversionDeclarationException(
					where(method) + " declares the currency '" + currency + "', which is not an ISO 4217 code.",
					"Use a three-letter ISO 4217 code such as 'EUR' or 'USD', or leave it empty for "
							+ "micro-conversions.default-currency.");
		}
	}

	private static @Nullable String nonEmpty(String value) {
		return value.isBlank() ? null : value;
	}

	private static String where(Method method) {
		return "The conversion on " + ConversionMethod.describe(method) + Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", ", "(", ")"));
	}

}
