package io.github.microconversions.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark once for a few milliseconds, in process, so that CI proves they work
 * without paying for a measurement.
 */
class BenchmarksSmokeTests {

	@Test
	void runsEveryBenchmarkAndWritesTheReport() throws Exception {
		String report = BenchmarkRunner.run(true);
		assertThat(report).contains("Smoke run")
			.contains("`plainCall`", "`noOpInterceptor`", "`micrometerCounted`", "`conversionHitOnly`",
					"`conversionWithVisitorAndFunnel`", "`conversions`", "`funnel`")
			.contains("heap per held visitor");
	}

}
