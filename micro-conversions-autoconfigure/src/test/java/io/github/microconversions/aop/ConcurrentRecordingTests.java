package io.github.microconversions.aop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.microconversions.MicroConversion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that concurrent calls are counted exactly, including the first calls that bind the
 * method to its meters.
 */
class ConcurrentRecordingTests {

	private static final int THREADS = 4;

	private static final int CALLS_PER_THREAD = 25_000;

	@Test
	void countsEveryCallOfManyThreadsExactly() throws Exception {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		Catalog catalog = new ConversionProxies(registry, 100).proxy(new Catalog());
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int thread = 0; thread < THREADS; thread++) {
			int offset = thread;
			futures.add(executor.submit(() -> {
				start.await();
				for (int i = 0; i < CALLS_PER_THREAD; i++) {
					catalog.view("category-" + ((i + offset) % 7));
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get(60, TimeUnit.SECONDS);
		}
		executor.shutdown();
		assertThat(registry.get("conversion.hits").tag("channel", "direct").counter().count())
			.isEqualTo(THREADS * CALLS_PER_THREAD);
		double tagged = registry.find("conversion.hits.tagged")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
		assertThat(tagged).isEqualTo(THREADS * CALLS_PER_THREAD);
		assertThat(registry.find("conversion.hits.tagged").counters()).hasSize(8);
	}

	static class Catalog {

		@MicroConversion(value = "product-view", tags = "category=#category")
		public void view(String category) {
		}

	}

}
