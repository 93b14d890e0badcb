package io.github.microconversions.autoconfigure;

import java.time.Duration;
import java.util.Currency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.definition.ConversionNames;
import io.github.microconversions.visitor.UserAgentBotDetector;
import io.github.microconversions.visitor.VisitorMode;
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

	private final Visitor visitor = new Visitor();

	private final Visit visit = new Visit();

	private final Bots bots = new Bots();

	private final Store store = new Store();

	/**
	 * Funnels by name: ordered steps, each a conversion name, within a window.
	 */
	private final Map<String, Funnel> funnels = new LinkedHashMap<>();

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

	public Visitor getVisitor() {
		return this.visitor;
	}

	public Visit getVisit() {
		return this.visit;
	}

	public Bots getBots() {
		return this.bots;
	}

	public Store getStore() {
		return this.store;
	}

	public Map<String, Funnel> getFunnels() {
		return this.funnels;
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
		requirePositive("micro-conversions.idempotency.retention", this.idempotency.getRetention(), "7d");
		requirePositive("micro-conversions.visit.timeout", this.visit.getTimeout(), "30m");
		requirePositive("micro-conversions.visitor.cookie-max-age", this.visitor.getCookieMaxAge(), "365d");
		requirePositive("micro-conversions.store.max-visitors", this.store.getMaxVisitors());
		if (this.store.getIdleTimeout().compareTo(this.visit.getTimeout()) < 0) {
			throw new InvalidConfigurationPropertyValueException("micro-conversions.store.idle-timeout",
					this.store.getIdleTimeout(), "Hold visitors at least as long as micro-conversions.visit.timeout ("
							+ this.visit.getTimeout() + "), or every request starts a new visitor.");
		}
		this.funnels.forEach(this::checkFunnel);
		for (String pattern : this.bots.getUserAgentPatterns()) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidConfigurationPropertyValueException("micro-conversions.bots.user-agent-patterns",
						pattern, "Use a valid regular expression: " + ex.getDescription() + ".");
			}
		}
		this.conversions.forEach((name, conversion) -> {
			if (!ConversionNames.isValid(name)) {
				throw new InvalidConfigurationPropertyValueException("micro-conversions.conversions." + name, name,
						"Name conversions with " + ConversionNames.RULE + ", such as 'newsletter-signup'.");
			}
			if (conversion.getKind() == null) {
				throw new InvalidConfigurationPropertyValueException(
						"micro-conversions.conversions." + name + ".kind", null, "Set it to micro or macro.");
			}
		});
	}

	private void checkFunnel(String name, Funnel funnel) {
		String property = "micro-conversions.funnels." + name;
		if (!ConversionNames.isValid(name)) {
			throw new InvalidConfigurationPropertyValueException(property, name,
					"Name funnels like conversions: " + ConversionNames.RULE + ", such as 'checkout'.");
		}
		List<String> steps = funnel.getSteps();
		if (steps.size() < 2) {
			throw new InvalidConfigurationPropertyValueException(property + ".steps", String.join(",", steps),
					"A funnel needs at least two steps, such as 'product-view, add-to-cart, purchase'.");
		}
		Set<String> seen = new HashSet<>();
		for (String step : steps) {
			if (!seen.add(step)) {
				throw new InvalidConfigurationPropertyValueException(property + ".steps", String.join(",", steps),
						"The step '" + step + "' appears twice; a funnel's steps are distinct conversions.");
			}
		}
		requirePositive(property + ".window", funnel.getWindow(), "24h");
	}

	private static void requirePositive(String property, Duration value, String example) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"Use a positive duration such as " + example + ".");
		}
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

	/**
	 * How visitors are told apart.
	 */
	public static class Visitor {

		/**
		 * How to tell visitors apart: 'cookie' (a random id in a first-party cookie),
		 * 'cookieless' (a daily-rotating salted hash of client address and User-Agent), or
		 * 'none' (aggregate hits only).
		 */
		private VisitorMode mode = VisitorMode.COOKIE;

		/**
		 * Name of the visitor cookie.
		 */
		private String cookieName = "mc_vid";

		/**
		 * Max age of the visitor cookie, from the visitor's first request.
		 */
		private Duration cookieMaxAge = Duration.ofDays(365);

		/**
		 * Whether to treat requests with 'Sec-GPC: 1' or 'DNT: 1' as anonymous: no cookie, no
		 * journey, counted in aggregate hits only.
		 */
		private boolean respectPrivacySignals = true;

		public VisitorMode getMode() {
			return this.mode;
		}

		public void setMode(VisitorMode mode) {
			this.mode = mode;
		}

		public String getCookieName() {
			return this.cookieName;
		}

		public void setCookieName(String cookieName) {
			this.cookieName = cookieName;
		}

		public Duration getCookieMaxAge() {
			return this.cookieMaxAge;
		}

		public void setCookieMaxAge(Duration cookieMaxAge) {
			this.cookieMaxAge = cookieMaxAge;
		}

		public boolean isRespectPrivacySignals() {
			return this.respectPrivacySignals;
		}

		public void setRespectPrivacySignals(boolean respectPrivacySignals) {
			this.respectPrivacySignals = respectPrivacySignals;
		}

	}

	/**
	 * Visits: a visitor's requests with gaps under the timeout.
	 */
	public static class Visit {

		/**
		 * Gap between two requests of a visitor after which the second starts a new visit.
		 */
		private Duration timeout = Duration.ofMinutes(30);

		/**
		 * Path patterns, besides Actuator's and the error path, whose requests never start or
		 * extend a visit, such as '/health-check/**'.
		 */
		private List<String> excludePaths = new ArrayList<>();

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public List<String> getExcludePaths() {
			return this.excludePaths;
		}

		public void setExcludePaths(List<String> excludePaths) {
			this.excludePaths = excludePaths;
		}

	}

	/**
	 * Bots, counted apart and excluded from everything else.
	 */
	public static class Bots {

		/**
		 * Regular expressions, any of which found in a User-Agent (ignoring case) tells a
		 * bot. Replaces the defaults (crawlers, headless browsers, HTTP libraries, uptime
		 * checkers, load generators).
		 */
		private List<String> userAgentPatterns = new ArrayList<>(UserAgentBotDetector.DEFAULT_PATTERNS);

		public List<String> getUserAgentPatterns() {
			return this.userAgentPatterns;
		}

		public void setUserAgentPatterns(List<String> userAgentPatterns) {
			this.userAgentPatterns = userAgentPatterns;
		}

	}

	/**
	 * The in-memory journey store.
	 */
	public static class Store {

		/**
		 * Maximum number of visitors held; beyond it, visitors are evicted for room and
		 * counted in conversion.journeys.evicted.
		 */
		private long maxVisitors = 100_000;

		/**
		 * How long a visitor is held after they were last seen; never shorter than the
		 * longest funnel window.
		 */
		private Duration idleTimeout = Duration.ofDays(30);

		public long getMaxVisitors() {
			return this.maxVisitors;
		}

		public void setMaxVisitors(long maxVisitors) {
			this.maxVisitors = maxVisitors;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

	}

	/**
	 * A funnel.
	 */
	public static class Funnel {

		/**
		 * Ordered steps of the funnel, each the name of a declared conversion.
		 */
		private List<String> steps = new ArrayList<>();

		/**
		 * How long after the first step the last must be reached.
		 */
		private Duration window = Duration.ofHours(24);

		public List<String> getSteps() {
			return this.steps;
		}

		public void setSteps(List<String> steps) {
			this.steps = steps;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

}
