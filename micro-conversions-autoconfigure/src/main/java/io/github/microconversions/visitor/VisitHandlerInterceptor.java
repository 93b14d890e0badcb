package io.github.microconversions.visitor;

import io.github.microconversions.recording.TrackingErrorReason;
import io.github.microconversions.recording.TrackingErrors;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Tracks each request Spring MVC handles, before its handler runs, so that the conversions it
 * records know their visitor and channel. Static resources, error dispatches and excluded
 * paths are not tracked; a tracking failure never fails the request.
 */
public class VisitHandlerInterceptor implements HandlerInterceptor {

	private final VisitTracker tracker;

	private final TrackingErrors errors;

	/**
	 * Create a new interceptor.
	 * @param tracker the visit tracker
	 * @param errors where failures are counted
	 */
	public VisitHandlerInterceptor(VisitTracker tracker, TrackingErrors errors) {
		this.tracker = tracker;
		this.errors = errors;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST || handler instanceof ResourceHttpRequestHandler) {
			return true;
		}
		try {
			request.setAttribute(VisitContext.ATTRIBUTE, this.tracker.track(request, response));
		}
		catch (RuntimeException ex) {
			this.errors.report(TrackingErrorReason.INTERNAL, "visit",
					"Tracking the visit of a request to " + request.getRequestURI() + " failed", ex);
		}
		return true;
	}

}
