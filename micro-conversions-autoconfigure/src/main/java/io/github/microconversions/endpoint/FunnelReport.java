package io.github.microconversions.endpoint;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The payload of {@code GET /actuator/conversions/{funnel}}. A rate with a zero denominator,
 * and the median before anyone converted, are {@code null}, present in the JSON.
 *
 * @param name the funnel's name
 * @param window the funnel's window, ISO-8601
 * @param steps each step, in order
 * @param conversionRate the share of attempts that reached the last step
 * @param medianTimeToConvert the median time from first step to last, ISO-8601, or
 * {@code null} before anyone converted
 * @param abandoned attempts whose window ran out
 * @param channels the visitors at each step by channel, for the channels that have any
 */
public record FunnelReport(String name, String window, List<Step> steps,
		@JsonInclude(Include.ALWAYS) @Nullable Rate conversionRate,
		@JsonInclude(Include.ALWAYS) @Nullable String medianTimeToConvert, long abandoned,
		Map<String, ChannelSteps> channels) implements OperationResponseBody {

	/**
	 * One step of a funnel.
	 *
	 * @param name the step's conversion
	 * @param visitors attempts that reached it in order within the window
	 * @param fromPrevious the share of the previous step's visitors who reached it
	 * @param fromStart the share of the first step's visitors who reached it
	 * @param dropOff visitors lost since the previous step
	 */
	public record Step(String name, long visitors, @JsonInclude(Include.ALWAYS) @Nullable Rate fromPrevious,
			@JsonInclude(Include.ALWAYS) @Nullable Rate fromStart, long dropOff) {
	}

	/**
	 * The visitors at each step through one channel.
	 *
	 * @param steps the counts, in step order
	 */
	public record ChannelSteps(List<Long> steps) {
	}

}
