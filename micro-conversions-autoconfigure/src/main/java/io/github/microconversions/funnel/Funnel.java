package io.github.microconversions.funnel;

import java.time.Duration;
import java.util.List;

/**
 * A configured funnel: ordered steps, each the name of a conversion, to be reached within a
 * window measured from the first step.
 *
 * @param name the funnel's name
 * @param steps the conversion names, in order
 * @param window how long after the first step the last must be reached
 */
public record Funnel(String name, List<String> steps, Duration window) {

	/**
	 * Return the number of steps.
	 * @return the step count
	 */
	public int size() {
		return this.steps.size();
	}

}
