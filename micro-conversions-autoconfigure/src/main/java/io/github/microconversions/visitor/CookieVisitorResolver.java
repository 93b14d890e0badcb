package io.github.microconversions.visitor;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Knows visitors by a random id in a first-party cookie: HttpOnly, SameSite=Lax, Secure on
 * secure requests. An incoming value that is not exactly an id we issue is replaced.
 */
public class CookieVisitorResolver implements VisitorResolver {

	private final String cookieName;

	private final Duration maxAge;

	/**
	 * Create a new resolver.
	 * @param cookieName the cookie's name
	 * @param maxAge the cookie's max age
	 */
	public CookieVisitorResolver(String cookieName, Duration maxAge) {
		this.cookieName = cookieName;
		this.maxAge = maxAge;
	}

	@Override
	public UUID resolve(HttpServletRequest request, HttpServletResponse response) {
		UUID visitor = parse(cookieValue(request));
		if (visitor != null) {
			return visitor;
		}
		visitor = UUID.randomUUID();
		ResponseCookie cookie = ResponseCookie.from(this.cookieName, visitor.toString())
			.path("/")
			.maxAge(this.maxAge)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return visitor;
	}

	/**
	 * Return the visitor of a cookie value.
	 * @param value the value, possibly hostile
	 * @return the visitor, or {@code null} if the value is not an id we issue
	 */
	public static @Nullable UUID parse(@Nullable String value) {
		return (value != null && isCanonical(value)) ? UUID.fromString(value) : null;
	}

	// Exactly the lower-case form of UUID.toString(): nothing else is ever trusted.
	private static boolean isCanonical(String value) {
		if (value.length() != 36) {
			return false;
		}
		for (int i = 0; i < 36; i++) {
			char c = value.charAt(i);
			boolean valid = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-'
					: (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
			if (!valid) {
				return false;
			}
		}
		return true;
	}

	private @Nullable String cookieValue(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (this.cookieName.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

}
