package io.github.microconversions.sampleshop.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives simulated visitors through the running sample shop over real HTTP, each with its own
 * cookie jar and channel, dropping off step by step as real visitors do, with some invalid forms,
 * retried webhooks and bots; then prints the checkout funnel as {@code /actuator/conversions}
 * reports it. Needs only a JDK:
 * <pre>
 * java sample-shop/src/test/java/io/github/microconversions/sampleshop/simulator/TrafficSimulator.java [visitors] [base-url]
 * </pre>
 */
public final class TrafficSimulator {

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	private static final String BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	private static final String PAYMENT_PROVIDER = "PaymentProvider-Webhooks/2.0";

	private static final List<String> PRODUCTS = List.of("p-1", "p-2", "p-3", "p-4");

	private static final Pattern HIDDEN = Pattern.compile("name=\"(orderId|visitorId|amount)\" value=\"([^\"]*)\"");

	private final String baseUrl;

	private TrafficSimulator(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static void main(String[] args) throws Exception {
		int visitors = (args.length > 0) ? Integer.parseInt(args[0]) : 300;
		String baseUrl = (args.length > 1) ? args[1] : "http://localhost:8080";
		run(baseUrl, visitors, 42, System.err);
		System.out.println(new TrafficSimulator(baseUrl).funnelReport("checkout"));
	}

	/**
	 * Simulate visitors and wait until all are done.
	 * @param baseUrl the shop's base URL
	 * @param visitors how many visitors
	 * @param seed the seed of every random choice, so that a run can be repeated
	 * @param progress where to draw the progress bar
	 * @throws Exception if the shop cannot be reached
	 */
	public static void run(String baseUrl, int visitors, long seed, PrintStream progress) throws Exception {
		TrafficSimulator simulator = new TrafficSimulator(baseUrl);
		AtomicInteger done = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new ArrayList<>();
			// Neighbouring seeds give java.util.Random correlated first draws: derive them apart.
			SplittableRandom seeds = new SplittableRandom(seed);
			for (int i = 0; i < visitors; i++) {
				Random random = new Random(seeds.nextLong());
				futures.add(executor.submit(() -> {
					simulator.visit(random);
					drawProgress(progress, done.incrementAndGet(), visitors);
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdown();
		}
		progress.println();
	}

	private void visit(Random random) throws IOException, InterruptedException {
		Visitor visitor = new Visitor(random.nextDouble() < 0.05 ? BOT : BROWSER);
		Landing landing = Landing.pick(random);
		visitor.referer = landing.referer;
		visitor.get("/" + landing.query);
		visitor.referer = null;
		if (random.nextDouble() < 0.08) {
			String email = "visitor-" + random.nextInt(1_000_000) + "@example.com";
			visitor.post("/newsletter", Map.of("email", email));
			if (random.nextDouble() < 0.25) {
				visitor.post("/newsletter", Map.of("email", email));
			}
		}
		if (random.nextDouble() < 0.15) {
			visitor.get("/whitepaper");
			if (random.nextDouble() < 0.7) {
				visitor.get("/whitepaper/download");
				if (random.nextDouble() < 0.35) {
					visitor.get("/contact");
					if (random.nextDouble() < 0.3) {
						visitor.post("/leads", Map.of("name", "Ada", "email", "not-an-email"));
					}
					visitor.post("/leads", Map.of("name", "Ada", "email", "ada@example.com", "message", "Hello"));
				}
			}
		}
		if (random.nextDouble() < 0.25) {
			return;
		}
		String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
		visitor.get("/products/" + product);
		if (random.nextDouble() < 0.3) {
			visitor.get("/products/" + PRODUCTS.get(random.nextInt(PRODUCTS.size())));
		}
		// Bots crawl; they do not shop.
		if (random.nextDouble() < 0.6 || visitor.userAgent.equals(BOT)) {
			return;
		}
		visitor.post("/cart/items", Map.of("productId", product, "quantity", String.valueOf(1 + random.nextInt(3))));
		visitor.get("/cart");
		if (random.nextDouble() < 0.45) {
			return;
		}
		visitor.post("/checkout", Map.of());
		if (random.nextDouble() < 0.4) {
			return;
		}
		String order = visitor.post("/orders", Map.of()).body();
		Map<String, String> payment = new LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(order);
		while (hidden.find()) {
			payment.put(hidden.group(1), hidden.group(2));
		}
		if (payment.containsKey("orderId")) {
			Visitor provider = new Visitor(PAYMENT_PROVIDER);
			provider.post("/webhooks/payment", payment);
			if (random.nextDouble() < 0.2) {
				provider.post("/webhooks/payment", payment);
			}
		}
	}

	private String funnelReport(String funnel) throws IOException, InterruptedException {
		String json = new Visitor(BROWSER).get("/actuator/conversions/" + funnel).body();
		StringBuilder report = new StringBuilder("Funnel '" + funnel + "' as /actuator/conversions/" + funnel
				+ " reports it:\n");
		Matcher step = Pattern
			.compile("\\{\"name\":\"([^\"]+)\",\"visitors\":(\\d+),\"fromPrevious\":(null|\\{\"value\":([0-9.E-]+)[^}]*\\}),"
					+ "\"fromStart\":(?:null|\\{[^}]*\\}),\"dropOff\":(\\d+)\\}")
			.matcher(json);
		report.append(String.format("  %-20s %8s %14s %8s%n", "step", "visitors", "from previous", "drop-off"));
		while (step.find()) {
			String rate = (step.group(4) != null) ? String.format("%.1f %%", Double.parseDouble(step.group(4)) * 100)
					: "-";
			report.append(String.format("  %-20s %8s %14s %8s%n", step.group(1), step.group(2), rate, step.group(5)));
		}
		Matcher conversion = Pattern.compile("\"conversionRate\":\\{\"value\":([0-9.E-]+)").matcher(json);
		if (conversion.find()) {
			report.append(String.format("  conversion rate: %.1f %%%n", Double.parseDouble(conversion.group(1)) * 100));
		}
		return report.toString();
	}

	private static synchronized void drawProgress(PrintStream out, int done, int total) {
		if (done != total && (done * 100 / total) == ((done - 1) * 100 / total)) {
			return;
		}
		int width = 40;
		int filled = done * width / total;
		out.print("\r[" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " visitors");
		out.flush();
	}

	/**
	 * Where a visit comes from, in realistic proportions.
	 */
	private record Landing(String referer, String query) {

		static Landing pick(Random random) {
			double roll = random.nextDouble();
			if (roll < 0.25) {
				return new Landing(null, "");
			}
			if (roll < 0.55) {
				return new Landing(random.nextBoolean() ? "https://www.google.com/" : "https://www.bing.com/", "");
			}
			if (roll < 0.65) {
				return new Landing("https://www.google.com/", "?gclid=sim" + random.nextInt(1000));
			}
			if (roll < 0.8) {
				return new Landing(random.nextBoolean() ? "https://l.facebook.com/" : "https://www.pinterest.com/",
						"");
			}
			if (roll < 0.9) {
				return new Landing(null, "?utm_source=newsletter&utm_medium=email&utm_campaign=winter");
			}
			return new Landing("https://blog.example.org/best-trail-gear", "");
		}

	}

	/**
	 * One visitor's browser: its own cookie jar.
	 */
	private final class Visitor {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final String userAgent;

		private String referer;

		Visitor(String userAgent) {
			this.userAgent = userAgent;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(request(path).GET());
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(body)));
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TrafficSimulator.this.baseUrl + path))
				.timeout(Duration.ofSeconds(10))
				.header("User-Agent", this.userAgent);
			if (this.referer != null) {
				request.header("Referer", this.referer);
			}
			return request;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}

	}

}
