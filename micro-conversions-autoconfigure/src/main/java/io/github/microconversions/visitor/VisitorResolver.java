package io.github.microconversions.visitor;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Tells which visitor made a request. Replace the bean to identify visitors your way, such as
 * by a hash of the authenticated principal ({@code UUID.nameUUIDFromBytes}).
 */
@FunctionalInterface
public interface VisitorResolver {

	/**
	 * Return the visitor of a request, issuing an identity (a cookie) if needed.
	 * @param request the request
	 * @param response the response, still uncommitted
	 * @return the visitor, or {@code null} to record the request's conversions as anonymous
	 * hits
	 */
	@Nullable UUID resolve(HttpServletRequest request, HttpServletResponse response);

}
