package io.github.microconversions.benchmarks;

import java.util.UUID;

import io.github.microconversions.metrics.ConversionCounters;
import io.github.microconversions.visitor.Channel;
import io.github.microconversions.visitor.VisitContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Measures the heap a held visitor costs: the heap after full collections, before and after a
 * million visitors each visit, view a product (a funnel's first step) and add to cart.
 */
final class JourneyMemory {

	private JourneyMemory() {
	}

	static double bytesPerVisitor(int visitors) throws InterruptedException {
		Conversions conversions = new Conversions(new SimpleMeterRegistry(), 2L * visitors);
		ConversionCounters productView = conversions.meters.find("product-view");
		ConversionCounters addToCart = conversions.meters.find("add-to-cart");
		long before = usedHeapAfterGc();
		long now = System.currentTimeMillis();
		for (int i = 0; i < visitors; i++) {
			UUID visitor = UUID.randomUUID();
			Channel channel = Channel.ALL.get(i % Channel.ALL.size());
			conversions.journeys.visit(visitor, now, () -> channel);
			VisitContext visit = new VisitContext(visitor, channel, false);
			conversions.recorder.success(productView, visit, null, "EUR");
			conversions.recorder.success(addToCart, visit, null, "EUR");
		}
		conversions.journeys.cleanUp();
		long after = usedHeapAfterGc();
		if (conversions.journeys.size() != visitors) {
			throw new IllegalStateException("Expected " + visitors + " journeys, held " + conversions.journeys.size());
		}
		return (after - before) / (double) visitors;
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
