package io.github.microconversions.visitor;

/**
 * How visitors are told apart.
 */
public enum VisitorMode {

	/** A random id in a first-party cookie. */
	COOKIE,

	/** A daily-rotating salted hash of client address and User-Agent; no cookie. */
	COOKIELESS,

	/** No visitors: aggregate hits only. */
	NONE

}
