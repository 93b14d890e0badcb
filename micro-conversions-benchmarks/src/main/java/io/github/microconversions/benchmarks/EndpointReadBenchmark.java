package io.github.microconversions.benchmarks;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.microconversions.endpoint.ConversionsReport;
import io.github.microconversions.endpoint.FunnelReport;
import io.github.microconversions.metrics.ConversionCounters;
import io.github.microconversions.visitor.Channel;
import io.github.microconversions.visitor.VisitContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading the {@code conversions} endpoint with many visitors held: it reads meters, so its cost
 * must not grow with the visitors.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class EndpointReadBenchmark {

	@Param({ "100", "1000000" })
	int visitors;

	private Conversions conversions;

	@Setup
	public void setUp() {
		this.conversions = new Conversions(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 2L * this.visitors);
		ConversionCounters productView = this.conversions.meters.find("product-view");
		ConversionCounters addToCart = this.conversions.meters.find("add-to-cart");
		for (int i = 0; i < this.visitors; i++) {
			VisitContext visit = new VisitContext(UUID.randomUUID(), Channel.ALL.get(i % 7), false);
			this.conversions.recorder.success(productView, visit, null, "EUR");
			if (i % 3 == 0) {
				this.conversions.recorder.success(addToCart, visit, null, "EUR");
			}
		}
	}

	@Benchmark
	public ConversionsReport conversions() {
		return this.conversions.endpoint.conversions();
	}

	@Benchmark
	public FunnelReport funnel() {
		return this.conversions.endpoint.funnel("checkout");
	}

}
