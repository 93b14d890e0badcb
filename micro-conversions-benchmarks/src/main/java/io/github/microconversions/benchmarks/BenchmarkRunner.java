package io.github.microconversions.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import org.springframework.boot.SpringBootVersion;

/**
 * Runs every benchmark in one go, measures the heap per visitor, and writes
 * {@code docs/benchmarks.md} with the results and their ratios against the baselines measured
 * in the same run. {@code --smoke} runs each benchmark once for a few milliseconds, in process,
 * to prove they work, and writes the report under {@code target/}.
 */
public final class BenchmarkRunner {

	private static final String ADVICE = ConversionAdviceBenchmark.class.getName();

	private BenchmarkRunner() {
	}

	public static void main(String[] args) throws Exception {
		boolean smoke = List.of(args).contains("--smoke");
		Path report = Path.of(smoke ? "target/benchmarks-smoke.md" : "../docs/benchmarks.md");
		Files.createDirectories(report.toAbsolutePath().getParent());
		Files.writeString(report, run(smoke));
		System.out.println("Wrote " + report.toAbsolutePath().normalize());
	}

	static String run(boolean smoke) throws Exception {
		List<RunResult> oneThread = new ArrayList<>(advice(smoke, 1));
		List<RunResult> twoThreads = smoke ? List.of() : new ArrayList<>(advice(false, 2));
		ChainedOptionsBuilder endpointOptions = options(smoke, 1).include(EndpointReadBenchmark.class.getName());
		if (smoke) {
			endpointOptions.param("visitors", "100");
		}
		Collection<RunResult> endpoint = new Runner(endpointOptions.build()).run();
		double bytesPerVisitor = JourneyMemory.bytesPerVisitor(smoke ? 10_000 : 1_000_000);
		return new BenchmarkReport(oneThread, twoThreads, endpoint, bytesPerVisitor, smoke).markdown(environment(),
				wrkSection());
	}

	private static Collection<RunResult> advice(boolean smoke, int threads) throws Exception {
		ChainedOptionsBuilder options = options(smoke, threads).include(ADVICE + "\\.");
		if (smoke) {
			options.param("count", "1000");
		}
		return new Runner(options.build()).run();
	}

	private static ChainedOptionsBuilder options(boolean smoke, int threads) {
		ChainedOptionsBuilder options = new OptionsBuilder().threads(threads).shouldFailOnError(true);
		if (smoke) {
			return options.forks(0)
				.warmupIterations(0)
				.measurementIterations(1)
				.measurementTime(TimeValue.milliseconds(20));
		}
		return options.forks(2)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(1))
			.jvmArgsAppend("-Xmx6g")
			.addProfiler(GCProfiler.class);
	}

	private static Map<String, String> environment() {
		String cpu = "unknown";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.orElse(cpu);
		}
		catch (IOException ex) {
			// Not Linux: leave the CPU unnamed.
		}
		return Map.of("date", LocalDate.now().toString(), "cpu", cpu, "cores",
				String.valueOf(Runtime.getRuntime().availableProcessors()), "jdk",
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), "boot",
				SpringBootVersion.getVersion(), "micrometer",
				Optional.ofNullable(MeterRegistry.class.getPackage().getImplementationVersion()).orElse("?"));
	}

	private static String wrkSection() throws IOException {
		Path wrk = Path.of("target/wrk.md");
		return Files.exists(wrk) ? Files.readString(wrk)
				: "Not measured in this run: `micro-conversions-benchmarks/run.sh` runs it before this report.\n";
	}

	static double score(Collection<RunResult> results, String benchmark, String param) {
		return find(results, benchmark, param).getPrimaryResult().getScore();
	}

	static RunResult find(Collection<RunResult> results, String benchmark, String param) {
		return results.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + benchmark))
			.filter((result) -> param == null || param.equals(firstParam(result)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No result for " + benchmark + " " + param));
	}

	static String firstParam(RunResult result) {
		return result.getParams().getParamsKeys().stream().findFirst().map(result.getParams()::getParam).orElse(null);
	}

	static String allocation(RunResult result) {
		return result.getSecondaryResults()
			.entrySet()
			.stream()
			.filter((secondary) -> secondary.getKey().endsWith("gc.alloc.rate.norm"))
			.findFirst()
			.map((secondary) -> String.format(Locale.ROOT, "%.0f", secondary.getValue().getScore()))
			.orElse("n/a");
	}

	static String format(double value) {
		return String.format(Locale.ROOT, (value >= 100) ? "%.0f" : (value >= 10) ? "%.1f" : "%.2f", value);
	}

}
