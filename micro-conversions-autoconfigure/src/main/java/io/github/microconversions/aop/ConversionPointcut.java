package io.github.microconversions.aop;

import java.lang.reflect.Method;

import io.github.microconversions.definition.ConversionMethodReader;

import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Matches methods carrying {@code @MicroConversion} or {@code @MacroConversion}, directly,
 * through a meta-annotation, or on an interface or superclass method they implement.
 */
public final class ConversionPointcut extends StaticMethodMatcherPointcut {

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		return ConversionMethodReader.isAnnotated(AopUtils.getMostSpecificMethod(method, targetClass));
	}

}
