package io.github.microconversions.visitor;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Tells bots by their User-Agent, and counts prefetches (which no person has seen yet) as bots
 * too. A request without a User-Agent, or with an absurdly long one, is a bot: every browser
 * sends a short one.
 */
public class UserAgentBotDetector implements BotDetector {

	/** Crawlers, headless browsers, HTTP libraries, uptime checkers and load generators. */
	public static final List<String> DEFAULT_PATTERNS = List.of("bot", "crawl", "spider", "slurp", "scrap",
			"headless", "phantomjs", "selenium", "puppeteer", "playwright", "lighthouse", "pagespeed", "gtmetrix",
			"curl", "wget", "httpie", "python-requests", "python-urllib", "aiohttp", "httpx", "java-http-client",
			"apache-httpclient", "okhttp", "go-http-client", "libwww-perl", "axios", "node-fetch", "undici",
			"postmanruntime", "uptime", "pingdom", "statuscake", "site24x7", "monitor", "check_http",
			"facebookexternalhit", "embedly", "preview", "^wrk", "apachebench", "k6/", "jmeter", "locust",
			"feedfetcher", "mediapartners");

	private static final int MAX_USER_AGENT_LENGTH = 1024;

	// Browsers send a handful of distinct User-Agents: matching each once keeps the regular
	// expression off the request path. Bounded, so that random User-Agents cost memory only up to it.
	private static final int MAX_REMEMBERED_USER_AGENTS = 10_000;

	private final Pattern userAgents;

	private final Cache<String, Boolean> verdicts = Caffeine.newBuilder()
		.maximumSize(MAX_REMEMBERED_USER_AGENTS)
		.build();

	// A server thread mostly sees the same User-Agent again: comparing it is cheaper than
	// hashing it into the cache on every request.
	private final ThreadLocal<Verdict> lastVerdict = new ThreadLocal<>();

	/**
	 * Create a detector.
	 * @param patterns regular expressions, any of which found in a User-Agent (ignoring case)
	 * tells a bot
	 */
	public UserAgentBotDetector(List<String> patterns) {
		this.userAgents = Pattern.compile(patterns.stream().map((pattern) -> "(?:" + pattern + ")")
			.collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE);
	}

	@Override
	public boolean isBot(HttpServletRequest request) {
		String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		if (userAgent == null || userAgent.isBlank() || userAgent.length() > MAX_USER_AGENT_LENGTH) {
			return true;
		}
		return isPrefetch(request) || isBot(userAgent);
	}

	private boolean isBot(String userAgent) {
		Verdict last = this.lastVerdict.get();
		if (last != null && last.userAgent().equals(userAgent)) {
			return last.bot();
		}
		boolean bot = this.verdicts.get(userAgent, (candidate) -> this.userAgents.matcher(candidate).find());
		this.lastVerdict.set(new Verdict(userAgent, bot));
		return bot;
	}

	private static boolean isPrefetch(HttpServletRequest request) {
		String secPurpose = request.getHeader("Sec-Purpose");
		String purpose = request.getHeader("Purpose");
		return (secPurpose != null && secPurpose.contains("prefetch"))
				|| (purpose != null && purpose.equalsIgnoreCase("prefetch"));
	}

	private record Verdict(String userAgent, boolean bot) {
	}

}
