package io.github.microconversions.visitor;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who made the current request and through which channel, decided once per request and read by
 * every conversion recorded while it is handled.
 *
 * @param visitor the visitor, or {@code null} for an anonymous hit (privacy signal, no visitor
 * mode, or a bot)
 * @param channel the channel of the visit, or of the request alone for an anonymous hit
 * @param bot whether the request came from a bot, which records nothing
 */
public record VisitContext(@Nullable UUID visitor, Channel channel, boolean bot) {

	/** The request attribute under which the context is kept. */
	public static final String ATTRIBUTE = VisitContext.class.getName();

	/** The context of a bot's request. */
	public static final VisitContext BOT = new VisitContext(null, Channel.DIRECT, true);

	/** The context outside any request, or of a request that is not tracked. */
	public static final VisitContext NONE = new VisitContext(null, Channel.DIRECT, false);

	private static final boolean WEB_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.context.request.RequestContextHolder", VisitContext.class.getClassLoader());

	/**
	 * Return the context of the request bound to this thread.
	 * @return the context, or {@link #NONE} outside a tracked request
	 */
	public static VisitContext current() {
		if (!WEB_PRESENT) {
			return NONE;
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object context = (attributes != null) ? attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
				: null;
		return (context instanceof VisitContext visitContext) ? visitContext : NONE;
	}

}
