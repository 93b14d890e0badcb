package io.github.microconversions.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.endpoint.ConversionReport.ChannelCounts;
import io.github.microconversions.endpoint.ConversionsReport.Engagement;
import io.github.microconversions.endpoint.FunnelReport.ChannelSteps;
import io.github.microconversions.endpoint.FunnelReport.Step;
import io.github.microconversions.funnel.Funnel;
import io.github.microconversions.funnel.FunnelMeters;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.metrics.ConversionCounters;
import io.github.microconversions.metrics.ConversionMeters;
import io.github.microconversions.metrics.VisitMeters;
import io.github.microconversions.visitor.Channel;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code conversions} endpoint: visitors, engagement, conversions and funnel rates, read
 * from the same meters Prometheus scrapes, at a cost that does not grow with the visitors.
 */
@Endpoint(id = "conversions")
public class ConversionsEndpoint {

	private final ConversionMeters conversions;

	private final VisitMeters visits;

	private final Funnels funnels;

	private final String since;

	/**
	 * Create a new endpoint.
	 * @param conversions the conversion meters
	 * @param visits the visit meters
	 * @param funnels the funnels
	 * @param since when counting started
	 */
	public ConversionsEndpoint(ConversionMeters conversions, VisitMeters visits, Funnels funnels, Instant since) {
		this.conversions = conversions;
		this.visits = visits;
		this.funnels = funnels;
		this.since = since.toString();
	}

	@ReadOperation
	public ConversionsReport conversions() {
		long visitors = this.visits.visitors();
		Map<String, ConversionReport> conversions = new LinkedHashMap<>();
		for (ConversionCounters counters : this.conversions.all()) {
			conversions.put(counters.name(), conversion(counters, visitors));
		}
		Map<String, FunnelReport> funnels = new LinkedHashMap<>();
		for (int i = 0; i < this.funnels.size(); i++) {
			funnels.put(this.funnels.get(i).name(), funnel(i));
		}
		Engagement engagement = new Engagement(this.visits.converted(ConversionKind.MICRO),
				this.visits.converted(ConversionKind.MACRO), Math.max(0, visitors - this.visits.converted()));
		return new ConversionsReport(this.since, visitors, this.visits.visits(), engagement, conversions, funnels);
	}

	@ReadOperation
	public @Nullable FunnelReport funnel(@Selector String funnel) {
		int index = this.funnels.indexOf(funnel);
		return (index >= 0) ? funnel(index) : null;
	}

	private ConversionReport conversion(ConversionCounters counters, long allVisitors) {
		long hits = 0;
		long visitors = 0;
		Map<String, ChannelCounts> channels = new LinkedHashMap<>();
		for (Channel channel : Channel.ALL) {
			long channelHits = counters.hits(channel);
			long channelVisitors = counters.visitors(channel);
			hits += channelHits;
			visitors += channelVisitors;
			if (channelHits > 0 || channelVisitors > 0) {
				channels.put(channel.tagValue(), new ChannelCounts(channelHits, channelVisitors));
			}
		}
		boolean micro = counters.kind() == ConversionKind.MICRO;
		return new ConversionReport(counters.kind().tagValue(), hits, visitors, Rate.of(visitors, allVisitors),
				channels, micro ? counters.milestones() : null, micro ? counters.secondaries() : null,
				micro ? null : counters.revenue());
	}

	private FunnelReport funnel(int index) {
		Funnel funnel = this.funnels.get(index);
		FunnelMeters meters = this.funnels.meters(index);
		long[] reached = IntStream.range(0, funnel.size()).mapToLong(meters::reached).toArray();
		List<Step> steps = new ArrayList<>();
		for (int step = 0; step < reached.length; step++) {
			long previous = (step > 0) ? reached[step - 1] : reached[0];
			steps.add(new Step(funnel.steps().get(step), reached[step], Rate.of(reached[step], previous),
					Rate.of(reached[step], reached[0]), previous - reached[step]));
		}
		Map<String, ChannelSteps> channels = new LinkedHashMap<>();
		for (Channel channel : Channel.ALL) {
			List<Long> counts = IntStream.range(0, funnel.size())
				.mapToObj((step) -> meters.reached(step, channel))
				.toList();
			if (counts.get(0) > 0) {
				channels.put(channel.tagValue(), new ChannelSteps(counts));
			}
		}
		Duration medianTimeToConvert = meters.medianTimeToConvert();
		String median = (medianTimeToConvert != null) ? medianTimeToConvert.toString() : null;
		return new FunnelReport(funnel.name(), funnel.window().toString(), steps,
				Rate.of(reached[reached.length - 1], reached[0]), median, meters.abandoned(), channels);
	}

}
