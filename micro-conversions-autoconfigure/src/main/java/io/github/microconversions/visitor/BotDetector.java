package io.github.microconversions.visitor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells requests of bots, which are counted apart and excluded from everything else.
 */
@FunctionalInterface
public interface BotDetector {

	/**
	 * Return whether a request comes from a bot.
	 * @param request the request
	 * @return {@code true} for a bot
	 */
	boolean isBot(HttpServletRequest request);

}
