package io.github.microconversions.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import io.github.microconversions.visitor.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The application's funnels, their meters, and for each conversion the funnel steps it stands
 * at, so that a conversion finds its steps with one array read.
 */
public final class Funnels {

	private static final FunnelStep[] NO_STEPS = new FunnelStep[0];

	private final List<Funnel> funnels;

	private final List<FunnelMeters> meters;

	private volatile FunnelStep[][] stepsByConversion = new FunnelStep[0][];

	/**
	 * Register the meters of the given funnels.
	 * @param funnels the funnels, checked
	 * @param registry where to register
	 */
	public Funnels(List<Funnel> funnels, MeterRegistry registry) {
		this.funnels = List.copyOf(funnels);
		this.meters = this.funnels.stream().map((funnel) -> new FunnelMeters(funnel, registry)).toList();
	}

	/**
	 * Resolve each step to its conversion, once every conversion is declared.
	 * @param conversionIndex the index of a declared conversion by name, or {@code -1} if the
	 * name is not declared
	 * @throws InvalidConfigurationPropertyValueException if a step names no declared conversion
	 */
	public void bind(ToIntFunction<String> conversionIndex) {
		List<List<FunnelStep>> byConversion = new ArrayList<>();
		for (int funnel = 0; funnel < this.funnels.size(); funnel++) {
			Funnel definition = this.funnels.get(funnel);
			for (int step = 0; step < definition.size(); step++) {
				String name = definition.steps().get(step);
				int index = conversionIndex.applyAsInt(name);
				if (index < 0) {
					throw new InvalidConfigurationPropertyValueException(
							"micro-conversions.funnels." + definition.name() + ".steps", String.join(",", definition.steps()),
							"The step '" + name + "' is not a declared conversion. Name a conversion declared by "
									+ "@MicroConversion or @MacroConversion, or declare it under "
									+ "micro-conversions.conversions." + name + ".kind.");
				}
				while (byConversion.size() <= index) {
					byConversion.add(new ArrayList<>());
				}
				byConversion.get(index).add(new FunnelStep(funnel, step));
			}
		}
		this.stepsByConversion = byConversion.stream()
			.map((steps) -> steps.toArray(NO_STEPS))
			.toArray(FunnelStep[][]::new);
	}

	/**
	 * Return the funnel steps a conversion stands at.
	 * @param conversionIndex the conversion's index
	 * @return the steps, possibly none
	 */
	public FunnelStep[] stepsOf(int conversionIndex) {
		FunnelStep[][] steps = this.stepsByConversion;
		return (conversionIndex < steps.length) ? steps[conversionIndex] : NO_STEPS;
	}

	/**
	 * Return the funnels, in configuration order.
	 * @return the funnels
	 */
	public List<Funnel> all() {
		return this.funnels;
	}

	/**
	 * Return the number of funnels.
	 * @return the count
	 */
	public int size() {
		return this.funnels.size();
	}

	/**
	 * Return a funnel by index.
	 * @param index the funnel's index
	 * @return the funnel
	 */
	public Funnel get(int index) {
		return this.funnels.get(index);
	}

	/**
	 * Return the meters of a funnel.
	 * @param index the funnel's index
	 * @return the meters
	 */
	public FunnelMeters meters(int index) {
		return this.meters.get(index);
	}

	/**
	 * Return the index of a funnel by name.
	 * @param name the funnel's name
	 * @return the index, or {@code -1} for an unknown funnel
	 */
	public int indexOf(@Nullable String name) {
		for (int i = 0; i < this.funnels.size(); i++) {
			if (this.funnels.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Count a step reached.
	 * @param step the funnel step
	 * @param channel the channel of the visitor's visit
	 */
	public void stepReached(FunnelStep step, Channel channel) {
		this.meters.get(step.funnel()).stepReached(step.step(), channel);
	}

	/**
	 * Count a funnel completed.
	 * @param funnel the funnel's index
	 * @param seconds the time from first step to last
	 */
	public void completed(int funnel, long seconds) {
		this.meters.get(funnel).completed(seconds);
	}

	/**
	 * Count an attempt whose window ran out.
	 * @param funnel the funnel's index
	 * @param lastStepReached the index of the last step reached
	 */
	public void abandoned(int funnel, int lastStepReached) {
		this.meters.get(funnel).abandoned(lastStepReached);
	}

}
