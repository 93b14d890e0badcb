package io.github.microconversions.visitor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Decides a visit's channel as web analytics tools do, in this order: an explicit
 * {@code utm_medium}; an ad click id; any other {@code utm_*} tag (a campaign); the Referer
 * host (search engine, social network, webmail, or another site); else direct. A Referer from
 * the site itself shows nothing new.
 */
public class DefaultChannelClassifier implements ChannelClassifier {

	private static final int MAX_QUERY_LENGTH = 4096;

	private static final int MAX_VALUE_LENGTH = 64;

	private static final Map<String, Channel> MEDIUMS = mediums();

	private static final Set<String> AD_CLICK_IDS = Set.of("gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid",
			"ttclid", "twclid", "li_fat_id", "epik", "rdt_cid", "sccid");

	// Added to every outbound Facebook link, paid or not: it says social.
	private static final String FACEBOOK_CLICK_ID = "fbclid";

	private static final List<String> SEARCH_ENGINES = List.of("google.", "bing.com", "duckduckgo.com", "yahoo.",
			"yandex.", "baidu.com", "ecosia.org", "search.brave.com", "qwant.com", "startpage.com", "naver.com",
			"seznam.cz", "ask.com", "com.google.android.googlequicksearchbox");

	private static final List<String> WEBMAIL = List.of("mail.google.com", "com.google.android.gm",
			"outlook.live.com", "outlook.office.com", "outlook.office365.com", "mail.yahoo.com", "mail.proton.me",
			"webmail.", "mail.aol.com", "mail.yandex.");

	private static final List<String> SOCIAL_NETWORKS = List.of("facebook.com", "fb.com", "instagram.com", "t.co",
			"twitter.com", "x.com", "linkedin.com", "lnkd.in", "pinterest.", "pin.it", "reddit.com", "youtube.com",
			"youtu.be", "tiktok.com", "threads.net", "bsky.app", "mastodon.social", "vk.com", "quora.com",
			"tumblr.com", "snapchat.com", "t.me", "telegram.org", "whatsapp.com", "discord.com",
			"news.ycombinator.com");

	private static final Set<String> UTM_PARAMETERS = Set.of("utm_source", "utm_medium", "utm_campaign",
			"utm_term", "utm_content", "utm_id");

	@Override
	public @Nullable Channel classify(HttpServletRequest request) {
		Map<String, String> parameters = trackingParameters(request.getQueryString());
		String medium = parameters.get("utm_medium");
		if (medium != null) {
			return MEDIUMS.getOrDefault(medium, Channel.CAMPAIGN);
		}
		if (parameters.keySet().stream().anyMatch(AD_CLICK_IDS::contains)) {
			return Channel.PAID;
		}
		if (parameters.containsKey(FACEBOOK_CLICK_ID)) {
			return Channel.SOCIAL;
		}
		if (parameters.keySet().stream().anyMatch(UTM_PARAMETERS::contains)) {
			return Channel.CAMPAIGN;
		}
		return classifyReferrer(request.getHeader(HttpHeaders.REFERER), request.getServerName());
	}

	private static @Nullable Channel classifyReferrer(@Nullable String referer, @Nullable String ownHost) {
		String host = host(referer);
		if (host == null) {
			return Channel.DIRECT;
		}
		if (ownHost != null) {
			String own = ownHost.toLowerCase(Locale.ROOT);
			if (host.equals(own) || host.endsWith("." + own)) {
				return null;
			}
		}
		if (matches(host, WEBMAIL)) {
			return Channel.EMAIL;
		}
		if (matches(host, SEARCH_ENGINES)) {
			return Channel.ORGANIC_SEARCH;
		}
		if (matches(host, SOCIAL_NETWORKS)) {
			return Channel.SOCIAL;
		}
		return Channel.REFERRAL;
	}

	// A domain ending in '.' matches any top-level domain (google.de, google.co.uk); a host
	// matches a domain itself or any of its subdomains.
	private static boolean matches(String host, List<String> domains) {
		for (String domain : domains) {
			if (domain.endsWith(".")) {
				if (host.startsWith(domain) || host.contains("." + domain)) {
					return true;
				}
			}
			else if (host.equals(domain) || host.endsWith("." + domain)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String host(@Nullable String referer) {
		if (referer == null || referer.isBlank() || referer.length() > 2048) {
			return null;
		}
		int schemeEnd = referer.indexOf("://");
		if (schemeEnd < 0) {
			return null;
		}
		int start = schemeEnd + 3;
		int end = start;
		while (end < referer.length() && "/?#:".indexOf(referer.charAt(end)) < 0) {
			end++;
		}
		int userInfo = referer.lastIndexOf('@', end - 1);
		if (userInfo >= start) {
			start = userInfo + 1;
		}
		String host = referer.substring(start, end).toLowerCase(Locale.ROOT);
		return host.isEmpty() ? null : host;
	}

	// Only the tracking parameters of the query string: the request body is never read.
	private static Map<String, String> trackingParameters(@Nullable String query) {
		Map<String, String> parameters = new HashMap<>();
		if (query == null || query.length() > MAX_QUERY_LENGTH) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			int separator = pair.indexOf('=');
			String name = (separator >= 0) ? pair.substring(0, separator) : pair;
			name = name.toLowerCase(Locale.ROOT);
			if (UTM_PARAMETERS.contains(name) || AD_CLICK_IDS.contains(name) || FACEBOOK_CLICK_ID.equals(name)) {
				String value = (separator >= 0) ? decode(pair.substring(separator + 1)) : "";
				parameters.putIfAbsent(name, value);
			}
		}
		return parameters;
	}

	private static String decode(String value) {
		if (value.length() > MAX_VALUE_LENGTH * 3) {
			return "";
		}
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	private static Map<String, Channel> mediums() {
		Map<String, Channel> mediums = new HashMap<>();
		for (String medium : List.of("cpc", "ppc", "paid", "paidsearch", "paid-search", "paid_search", "paidsocial",
				"paid-social", "paid_social", "cpm", "cpv", "cpa", "display", "banner", "retargeting", "remarketing",
				"ads")) {
			mediums.put(medium, Channel.PAID);
		}
		for (String medium : List.of("email", "e-mail", "e_mail", "newsletter", "mail")) {
			mediums.put(medium, Channel.EMAIL);
		}
		for (String medium : List.of("social", "social-network", "social_network", "social-media", "social_media",
				"sm", "organic-social", "organic_social")) {
			mediums.put(medium, Channel.SOCIAL);
		}
		for (String medium : List.of("organic", "seo")) {
			mediums.put(medium, Channel.ORGANIC_SEARCH);
		}
		for (String medium : List.of("referral", "affiliate", "partner")) {
			mediums.put(medium, Channel.REFERRAL);
		}
		return Map.copyOf(mediums);
	}

}
