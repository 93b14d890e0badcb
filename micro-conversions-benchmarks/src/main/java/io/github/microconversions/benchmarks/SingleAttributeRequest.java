package io.github.microconversions.benchmarks;

import io.github.microconversions.visitor.VisitContext;

import org.springframework.web.context.request.AbstractRequestAttributes;

/**
 * Request attributes holding only the visit context, switched per call without a map put, so
 * that the benchmark measures the library rather than the servlet container's attribute map.
 */
final class SingleAttributeRequest extends AbstractRequestAttributes {

	VisitContext visit = VisitContext.NONE;

	@Override
	public Object getAttribute(String name, int scope) {
		return VisitContext.ATTRIBUTE.equals(name) ? this.visit : null;
	}

	@Override
	public void setAttribute(String name, Object value, int scope) {
		throw new UnsupportedOperationException();
	}

	@Override
	public void removeAttribute(String name, int scope) {
	}

	@Override
	public String[] getAttributeNames(int scope) {
		return new String[] { VisitContext.ATTRIBUTE };
	}

	@Override
	public void registerDestructionCallback(String name, Runnable callback, int scope) {
	}

	@Override
	public Object resolveReference(String key) {
		return null;
	}

	@Override
	public String getSessionId() {
		return "";
	}

	@Override
	public Object getSessionMutex() {
		return this;
	}

	@Override
	protected void updateAccessedSessionAttributes() {
	}

}
