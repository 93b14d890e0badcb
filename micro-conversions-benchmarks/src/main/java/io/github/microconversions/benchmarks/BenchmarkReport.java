package io.github.microconversions.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;

/**
 * Turns one run's results into {@code docs/benchmarks.md}: the tables, and each target as a
 * ratio against the baselines measured in the same run.
 */
final class BenchmarkReport {

	private static final List<String> ADVICE_BENCHMARKS = List.of("plainCall", "noOpInterceptor",
			"micrometerCounted", "conversionHitOnly", "conversionWithVisitorAndFunnel");

	private final Collection<RunResult> oneThread;

	private final Collection<RunResult> twoThreads;

	private final Collection<RunResult> endpoint;

	private final double bytesPerVisitor;

	private final boolean smoke;

	BenchmarkReport(Collection<RunResult> oneThread, Collection<RunResult> twoThreads, Collection<RunResult> endpoint,
			double bytesPerVisitor, boolean smoke) {
		this.oneThread = oneThread;
		this.twoThreads = twoThreads;
		this.endpoint = endpoint;
		this.bytesPerVisitor = bytesPerVisitor;
		this.smoke = smoke;
	}

	String markdown(Map<String, String> environment, String wrkSection) {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmarks\n\n");
		if (this.smoke) {
			md.append("**Smoke run: a few milliseconds each, numbers meaningless.**\n\n");
		}
		md.append(String.format(Locale.ROOT,
				"Measured %s on %s (%s cores), %s, Spring Boot %s, Micrometer %s, in one run. Regenerate with "
						+ "`micro-conversions-benchmarks/run.sh` (about 20 minutes). Machines are noisy: read the "
						+ "ratios, each against a baseline measured in the same run, rather than absolute times.%n%n",
				environment.get("date"), environment.get("cpu"), environment.get("cores"), environment.get("jdk"),
				environment.get("boot"), environment.get("micrometer")));
		md.append("## Per call\n\n");
		md.append("JMH, average time per call, CGLIB proxies as Spring Boot makes them, a Prometheus registry, "
				+ "2 forks × 5 iterations of 1 s after 3 warm-ups, `-prof gc` for bytes allocated per call. "
				+ "`conversionWithVisitorAndFunnel` runs inside a request with a visitor: each call takes the next of "
				+ "`count` distinct visitors, updates their journey and a funnel whose first step is the conversion.\n\n");
		md.append("| benchmark | visitors | threads | ns/op | ± error | B/op |\n|---|---|---|---|---|---|\n");
		rows(md, this.oneThread, 1);
		rows(md, this.twoThreads, 2);
		md.append("\n## Targets\n\n");
		md.append("Added cost = a benchmark's time minus `plainCall`'s, both from this run.\n\n");
		md.append("| target | measured | met |\n|---|---|---|\n");
		double plain = BenchmarkRunner.score(this.oneThread, "plainCall", null);
		double noOp = BenchmarkRunner.score(this.oneThread, "noOpInterceptor", null) - plain;
		double counted = BenchmarkRunner.score(this.oneThread, "micrometerCounted", null) - plain;
		double hit = BenchmarkRunner.score(this.oneThread, "conversionHitOnly", null) - plain;
		String largest = this.smoke ? "1000" : "1000000";
		RunResult fullResult = BenchmarkRunner.find(this.oneThread, "conversionWithVisitorAndFunnel", largest);
		double full = fullResult.getPrimaryResult().getScore() - plain;
		target(md, "hit only: added cost ≤ 2 × the no-op interceptor's", hit / noOp, 2.0);
		target(md, "hit only: added cost ≤ 0.1 × `@Counted`'s", hit / counted, 0.1);
		target(md, "full path, " + largest + " visitors: added cost ≤ 0.5 × `@Counted`'s", full / counted, 0.5);
		String bytes = BenchmarkRunner.allocation(fullResult);
		if (!bytes.equals("n/a")) {
			target(md, "full path, " + largest + " visitors: ≤ 200 B/op", Double.parseDouble(bytes), 200);
		}
		if (!this.twoThreads.isEmpty()) {
			target(md, "full path, 2 threads: per-thread cost ≤ 1.3 × 1 thread's",
					BenchmarkRunner.score(this.twoThreads, "conversionWithVisitorAndFunnel", largest)
							/ fullResult.getPrimaryResult().getScore(),
					1.3);
			target(md, "hit only, 2 threads: per-thread cost ≤ 1.3 × 1 thread's",
					BenchmarkRunner.score(this.twoThreads, "conversionHitOnly", null)
							/ BenchmarkRunner.score(this.oneThread, "conversionHitOnly", null),
					1.3);
		}
		target(md, "heap per held visitor ≤ 128 B", this.bytesPerVisitor, 128);
		String mostVisitors = this.smoke ? "100" : "1000000";
		target(md, "endpoint read at " + mostVisitors + " visitors < 1000 µs",
				BenchmarkRunner.score(this.endpoint, "conversions", mostVisitors), 1000);
		md.append("\n## Endpoint read\n\n| operation | visitors held | µs/op | ± error |\n|---|---|---|---|\n");
		for (RunResult result : this.endpoint) {
			md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", shortName(result),
					BenchmarkRunner.firstParam(result), BenchmarkRunner.format(result.getPrimaryResult().getScore()),
					BenchmarkRunner.format(result.getPrimaryResult().getScoreError())));
		}
		md.append(String.format(Locale.ROOT,
				"%n## Heap per visitor%n%nHeap after full collections, before and after %s visitors each visit, view "
						+ "a product (a funnel's first step) and add to cart: **%.0f bytes per held visitor** "
						+ "(UUID key, journey, its funnel progress, and Caffeine's entry).%n",
				this.smoke ? "10,000" : "1,000,000", this.bytesPerVisitor));
		md.append("\n## Whole application\n\n").append(wrkSection);
		return md.toString();
	}

	private static void rows(StringBuilder md, Collection<RunResult> results, int threads) {
		for (String benchmark : ADVICE_BENCHMARKS) {
			results.stream()
				.filter((result) -> shortName(result).equals(benchmark))
				.forEach((result) -> md.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %s | %s | %s |%n",
						benchmark, (BenchmarkRunner.firstParam(result) != null) ? BenchmarkRunner.firstParam(result) : "",
						threads, BenchmarkRunner.format(result.getPrimaryResult().getScore()),
						BenchmarkRunner.format(result.getPrimaryResult().getScoreError()),
						BenchmarkRunner.allocation(result))));
		}
	}

	private static void target(StringBuilder md, String target, double measured, double limit) {
		md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", target, BenchmarkRunner.format(measured),
				measured <= limit ? "yes" : "**no**"));
	}

	private static String shortName(RunResult result) {
		String benchmark = result.getParams().getBenchmark();
		return benchmark.substring(benchmark.lastIndexOf('.') + 1);
	}

}
