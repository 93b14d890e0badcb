package io.github.microconversions.endpoint;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

/**
 * One conversion in {@code GET /actuator/conversions}.
 *
 * @param kind {@code micro} or {@code macro}
 * @param hits successful calls
 * @param visitors visitors who did it
 * @param visitorRate the share of all visitors who did it
 * @param channels hits and visitors by channel, for the channels that have any
 * @param milestones for a micro conversion, hits before the visitor's first macro conversion
 * @param secondaries for a micro conversion, hits after the visitor's first macro conversion
 * @param revenue for a macro conversion, the revenue by currency
 */
public record ConversionReport(String kind, long hits, long visitors,
		@JsonInclude(Include.ALWAYS) @Nullable Rate visitorRate,
		Map<String, ChannelCounts> channels, @JsonInclude(Include.NON_NULL) @Nullable Long milestones,
		@JsonInclude(Include.NON_NULL) @Nullable Long secondaries,
		@JsonInclude(Include.NON_NULL) @Nullable Map<String, Double> revenue) {

	/**
	 * Hits and visitors through one channel.
	 *
	 * @param hits successful calls
	 * @param visitors visitors who did it
	 */
	public record ChannelCounts(long hits, long visitors) {
	}

}
