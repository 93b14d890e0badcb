package io.github.microconversions.recording;

import java.util.Map;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.aop.ConversionMethodRegistry;
import io.github.microconversions.definition.ConversionMethod;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.metrics.ConversionCounters;
import io.github.microconversions.metrics.ConversionMeters;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Once every bean is created, registers the meters of every declared conversion at zero, so
 * that dashboards and {@code rate()} see no gaps, checks the conversions declared for code
 * against the annotated ones, and resolves each funnel step to its conversion.
 */
public final class DeclaredConversions implements SmartInitializingSingleton {

	private final ConversionMethodRegistry registry;

	private final Map<String, ConversionKind> programmatic;

	private final ConversionMeters meters;

	private final String defaultCurrency;

	private final Funnels funnels;

	/**
	 * Create a new instance.
	 * @param registry the annotated methods
	 * @param programmatic the conversions declared for code, from
	 * {@code micro-conversions.conversions}
	 * @param meters the conversion meters
	 * @param defaultCurrency the currency of revenue that declares none
	 * @param funnels the funnels, whose steps are resolved once every conversion is declared
	 */
	public DeclaredConversions(ConversionMethodRegistry registry, Map<String, ConversionKind> programmatic,
			ConversionMeters meters, String defaultCurrency, Funnels funnels) {
		this.registry = registry;
		this.programmatic = programmatic;
		this.meters = meters;
		this.defaultCurrency = defaultCurrency;
		this.funnels = funnels;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (ConversionMethod method : this.registry.declarations()) {
			String currency = (method.currency() != null) ? method.currency() : this.defaultCurrency;
			this.meters.declare(method.name(), method.kind(), currency);
		}
		this.programmatic.forEach((name, kind) -> {
			this.registry.declarations()
				.stream()
				.filter((method) -> method.name().equals(name) && method.kind() != kind)
				.findFirst()
				.ifPresent((method) -> {
					throw new InvalidConfigurationPropertyValueException("micro-conversions.conversions." + name + ".kind",
							kind.tagValue(), "The annotation on " + method.describe() + " declares '" + name + "' "
									+ method.kind().tagValue() + "; one name is one kind, so use the same kind or another name.");
				});
			this.meters.declare(name, kind, this.defaultCurrency);
		});
		this.funnels.bind((name) -> {
			ConversionCounters counters = this.meters.find(name);
			return (counters != null) ? counters.index() : -1;
		});
	}

}
