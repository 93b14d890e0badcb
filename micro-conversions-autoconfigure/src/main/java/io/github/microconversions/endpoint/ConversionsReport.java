package io.github.microconversions.endpoint;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The payload of {@code GET /actuator/conversions}.
 *
 * @param since when counting started, ISO-8601
 * @param visitors visitors first seen
 * @param visits visits started
 * @param engagement the visitors by what they did
 * @param conversions each conversion, by name
 * @param funnels each funnel, by name
 */
public record ConversionsReport(String since, long visitors, long visits, Engagement engagement,
		Map<String, ConversionReport> conversions, Map<String, FunnelReport> funnels) implements OperationResponseBody {

	/**
	 * The visitors by what they did; the first two overlap.
	 *
	 * @param microConverted visitors who did at least one micro conversion
	 * @param macroConverted visitors who did at least one macro conversion
	 * @param noConversion visitors who did neither
	 */
	public record Engagement(long microConverted, long macroConverted, long noConversion) {
	}

}
