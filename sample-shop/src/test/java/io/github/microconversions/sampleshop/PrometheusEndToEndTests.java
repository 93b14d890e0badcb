package io.github.microconversions.sampleshop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.microconversions.sampleshop.simulator.TrafficSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The Prometheus path end to end: the shop and a real Prometheus (Debian's package) on
 * 127.0.0.1, simulated traffic, then the repository's recording rules, as Prometheus evaluates
 * them, must equal what {@code /actuator/conversions} reports for the same traffic. Also runs
 * {@code promtool} on the rules and on the shop's metrics.
 * <p>
 * Without Prometheus installed the test is skipped, unless {@code -Dprometheus.required=true}
 * (as {@code .ci/run} sets after installing it) makes it fail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
class PrometheusEndToEndTests {

	private static final Path RULES = Path.of("..", "prometheus", "rules", "conversions.rules.yml")
		.toAbsolutePath()
		.normalize();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Test
	void recordingRulesEqualTheEndpointForTheSameTraffic(@TempDir Path work) throws Exception {
		Path prometheus = binary("prometheus");
		Path promtool = binary("promtool");
		assertThat(run(promtool, "check", "rules", RULES.toString())).contains("SUCCESS").doesNotContain("lint error");
		assertThat(run(promtool, "test", "rules", RULES.resolveSibling("conversions.rules.test.yml").toString()))
			.contains("SUCCESS");
		int prometheusPort = freePort();
		Path config = work.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - %s
				scrape_configs:
				  - job_name: sample-shop
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(RULES, this.port));
		Process server = new ProcessBuilder(prometheus.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("prometheus.log").toFile())
			.start();
		try {
			String api = "http://127.0.0.1:" + prometheusPort;
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(api + "/-/ready").contains("Ready"));
			TrafficSimulator.run("http://127.0.0.1:" + this.port, 200, 7, new PrintStream(OutputStream.nullOutputStream()));
			await().atMost(Duration.ofSeconds(10)).until(this::whitepaperDownloadsSettled);
			assertThat(run(promtool, List.of("check", "metrics"), ownMetrics())).doesNotContain("problem");

			JsonNode checkout = this.json.readTree(get(shop("/actuator/conversions/checkout")));
			JsonNode conversions = this.json.readTree(get(shop("/actuator/conversions"))).get("conversions");
			Map<String, Double> steps = new HashMap<>();
			for (JsonNode step : checkout.get("steps")) {
				steps.put(step.get("name").asString(), step.get("visitors").asDouble());
			}
			assertThat(steps.get("purchase")).as("the simulated traffic converts").isGreaterThan(0);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(query(api, "funnel_step:conversion_funnel_step:sum{funnel=\"checkout\"}",
						"step")).isEqualTo(steps));

			// Rule groups are evaluated independently: wait until each caught up with the traffic.
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertRulesAgree(api, checkout, conversions));
		}
		finally {
			server.destroy();
			if (!server.waitFor(20, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

	private void assertRulesAgree(String api, JsonNode checkout, JsonNode conversions) throws Exception {
		Map<String, Double> steps = new HashMap<>();
		for (JsonNode step : checkout.get("steps")) {
			steps.put(step.get("name").asString(), step.get("visitors").asDouble());
		}
		for (JsonNode step : checkout.get("steps")) {
			if (!step.get("fromPrevious").isNull() && !step.get("name").asString().equals("product-view")) {
				assertThat(query(api, "funnel_step:conversion_funnel_step:ratio_from_previous{funnel=\"checkout\",step=\""
						+ step.get("name").asString() + "\"}", "step").values())
					.singleElement()
					.satisfies((value) -> assertThat(value).isCloseTo(step.get("fromPrevious").get("value").asDouble(),
							within(1e-9)));
			}
		}
		assertThat(query(api, "funnel:conversion_funnel_conversion:ratio{funnel=\"checkout\"}", "funnel"))
			.hasEntrySatisfying("checkout",
					(value) -> assertThat(value).isCloseTo(checkout.get("conversionRate").get("value").asDouble(),
							within(1e-9)));
		Map<String, Double> byChannel = query(api,
				"funnel_channel:conversion_funnel_conversion:ratio{funnel=\"checkout\"}", "channel");
		checkout.get("channels").properties().forEach((channel) -> {
			List<JsonNode> counts = channel.getValue().get("steps").valueStream().toList();
			double expected = counts.get(counts.size() - 1).asDouble() / counts.get(0).asDouble();
			assertThat(byChannel.get(channel.getKey())).as(channel.getKey()).isCloseTo(expected, within(1e-9));
		});
		assertThat(query(api, "funnel:conversion_funnel_abandoned:ratio{funnel=\"checkout\"}", "funnel"))
			.containsEntry("checkout", checkout.get("abandoned").asDouble() / steps.get("product-view"));
		JsonNode purchase = conversions.get("purchase");
		assertThat(query(api, "currency:conversion_purchase_order_value:avg", "currency"))
			.hasEntrySatisfying("EUR", (value) -> assertThat(value).isCloseTo(
					purchase.get("revenue").get("EUR").asDouble() / purchase.get("hits").asDouble(), within(1e-9)));
		Map<String, Double> failures = query(api,
				"conversion_outcome:conversion_macro_failures:ratio{conversion=\"lead\",outcome=\"rejected\"}",
				"conversion");
		double leadRejected = this.registry.get("conversion.failures")
			.tags("conversion", "lead", "outcome", "rejected")
			.counter()
			.count();
		double leadFailures = leadRejected + this.registry.get("conversion.failures")
			.tags("conversion", "lead", "outcome", "error")
			.counter()
			.count();
		assertThat(leadRejected).as("the simulator submits invalid lead forms").isGreaterThan(0);
		assertThat(failures.get("lead"))
			.isCloseTo(leadRejected / (leadFailures + conversions.get("lead").get("hits").asDouble()), within(1e-9));
	}

	private boolean whitepaperDownloadsSettled() throws Exception {
		String before = get(shop("/actuator/conversions"));
		Thread.sleep(300);
		return before.equals(get(shop("/actuator/conversions")));
	}

	private String ownMetrics() throws Exception {
		return get(shop("/actuator/prometheus")).lines()
			.filter((line) -> line.startsWith("conversion_") || line.startsWith("# HELP conversion_")
					|| line.startsWith("# TYPE conversion_"))
			.collect(Collectors.joining("\n", "", "\n"));
	}

	private Map<String, Double> query(String api, String promql, String label) throws Exception {
		JsonNode response = this.json.readTree(
				get(api + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
		assertThat(response.get("status").asString()).isEqualTo("success");
		Map<String, Double> values = new HashMap<>();
		for (JsonNode sample : response.get("data").get("result")) {
			values.put(sample.get("metric").get(label).asString(), Double.parseDouble(sample.get("value").get(1).asString()));
		}
		return values;
	}

	private String shop(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private String get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
				BodyHandlers.ofString()).body();
	}

	private static String run(Path command, String... arguments) throws Exception {
		return run(command, List.of(arguments), null);
	}

	private static String run(Path command, List<String> arguments, String input) throws Exception {
		List<String> line = Stream.concat(Stream.of(command.toString()), arguments.stream()).toList();
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		if (input != null) {
			try (OutputStream stdin = process.getOutputStream()) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", line) + "\n" + output).isZero();
		return output;
	}

	private static Path binary(String name) {
		Path path = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
			.map((directory) -> Path.of(directory, name))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		if (path == null) {
			String message = name + " is not installed: apt-get install prometheus (.ci/run does)";
			if (Boolean.getBoolean("prometheus.required")) {
				fail(message);
			}
			Assumptions.abort(message);
		}
		return path;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
