package io.github.microconversions.autoconfigure;

import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.definition.ConversionNames;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration properties of micro-conversions.
 */
@ConfigurationProperties("micro-conversions")
public class MicroConversionsProperties implements InitializingBean {

	/** The default of {@code micro-conversions.order}. */
	public static final int DEFAULT_ORDER = 0;

	/**
	 * Whether to record conversions.
	 */
	private boolean enabled = true;

	/**
	 * ISO 4217 code of revenue whose annotation or call names no currency.
	 */
	private String defaultCurrency = "EUR";

	/**
	 * Order of the conversion advice among the advice of a method. The default runs outside
	 * '@Transactional' (lowest precedence), so a conversion counts only once its transaction
	 * committed.
	 */
	private int order = DEFAULT_ORDER;

	/**
	 * Conversions recorded only from code through ConversionTracker, by name.
	 */
	private final Map<String, Conversion> conversions = new LinkedHashMap<>();

	private final Tags tags = new Tags();

	private final Idempotency idempotency = new Idempotency();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getDefaultCurrency() {
		return this.defaultCurrency;
	}

	public void setDefaultCurrency(String defaultCurrency) {
		this.defaultCurrency = defaultCurrency;
	}

	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

	public Map<String, Conversion> getConversions() {
		return this.conversions;
	}

	public Tags getTags() {
		return this.tags;
	}

	public Idempotency getIdempotency() {
		return this.idempotency;
	}

	/**
	 * Stop start-up on a value that cannot work, naming the property and the fix.
	 */
	@Override
	public void afterPropertiesSet() {
		try {
			Currency.getInstance(this.defaultCurrency);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("micro-conversions.default-currency",
					this.defaultCurrency, "Use a three-letter ISO 4217 code such as EUR or USD.");
		}
		requirePositive("micro-conversions.tags.max-values", this.tags.getMaxValues());
		requirePositive("micro-conversions.idempotency.max-keys", this.idempotency.getMaxKeys());
		if (this.idempotency.getRetention().isNegative() || this.idempotency.getRetention().isZero()) {
			throw new InvalidConfigurationPropertyValueException("micro-conversions.idempotency.retention",
					this.idempotency.getRetention(), "Use a positive duration such as 7d.");
		}
		this.conversions.forEach((name, conversion) -> {
			if (!ConversionNames.isValid(name)) {
				throw new InvalidConfigurationPropertyValueException("micro-conversions.conversions." + name, name,
						"Name conversions with lower-case letters, digits, '.', '_' and '-', starting with a letter "
								+ "or digit, at most 63 characters, such as 'newsletter-signup'.");
			}
			if (conversion.getKind() == null) {
				throw new InvalidConfigurationPropertyValueException(
						"micro-conversions.conversions." + name + ".kind", null, "Set it to micro or macro.");
			}
		});
	}

	private static void requirePositive(String property, long value) {
		if (value < 1) {
			throw new InvalidConfigurationPropertyValueException(property, value, "Use a number of at least 1.");
		}
	}

	/**
	 * A conversion recorded from code.
	 */
	public static class Conversion {

		/**
		 * Kind of the conversion: micro (a step that signals intent) or macro (the goal).
		 */
		private @Nullable ConversionKind kind;

		public @Nullable ConversionKind getKind() {
			return this.kind;
		}

		public void setKind(@Nullable ConversionKind kind) {
			this.kind = kind;
		}

	}

	/**
	 * Custom tags of annotations.
	 */
	public static class Tags {

		/**
		 * Maximum number of distinct values of a custom tag, per conversion, that keep their
		 * own series; further values are counted as 'other'.
		 */
		private int maxValues = 100;

		public int getMaxValues() {
			return this.maxValues;
		}

		public void setMaxValues(int maxValues) {
			this.maxValues = maxValues;
		}

	}

	/**
	 * Idempotency keys of conversions recorded from code.
	 */
	public static class Idempotency {

		/**
		 * Maximum number of idempotency keys remembered; the least recently used are
		 * forgotten first.
		 */
		private long maxKeys = 100_000;

		/**
		 * How long an idempotency key is remembered.
		 */
		private Duration retention = Duration.ofDays(7);

		public long getMaxKeys() {
			return this.maxKeys;
		}

		public void setMaxKeys(long maxKeys) {
			this.maxKeys = maxKeys;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

	}

}
