package io.github.microconversions.visitor;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Decides the channel of a visit from the request that starts it. Replace the bean to apply
 * your own rules; the result must be one of the fixed {@link Channel}s.
 */
@FunctionalInterface
public interface ChannelClassifier {

	/**
	 * Return the channel the request shows.
	 * @param request the first request of a visit
	 * @return the channel, or {@code null} if the request shows nothing new (a link from the
	 * site itself), so that the visitor's previous channel is kept
	 */
	@Nullable Channel classify(HttpServletRequest request);

}
