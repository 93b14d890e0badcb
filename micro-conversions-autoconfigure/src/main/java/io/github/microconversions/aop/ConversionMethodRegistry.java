package io.github.microconversions.aop;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.microconversions.definition.ConversionMethod;
import io.github.microconversions.definition.ConversionMethodReader;
import io.github.microconversions.definition.InvalidConversionDeclarationException;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.util.ClassUtils;

/**
 * The annotated methods of the application, each read and checked once, and the name of every
 * conversion they declare, each with one kind.
 */
public final class ConversionMethodRegistry {

	private final ConversionMethodReader reader = new ConversionMethodReader();

	private final Map<MethodClassKey, Optional<ConversionMethod>> methods = new ConcurrentHashMap<>();

	private final Map<String, ConversionMethod> firstByName = new ConcurrentHashMap<>();

	/**
	 * Return the conversion declared on a method as called on a target class.
	 * @param method the method, possibly of an interface
	 * @param targetClass the class of the target object
	 * @return the conversion method, or {@code null} if the method is not annotated
	 * @throws InvalidConversionDeclarationException if the declaration cannot be recorded
	 */
	public @Nullable ConversionMethod resolve(Method method, Class<?> targetClass) {
		return this.methods.computeIfAbsent(new MethodClassKey(method, targetClass), (key) -> {
			Method specific = AopUtils.getMostSpecificMethod(method, ClassUtils.getUserClass(targetClass));
			return Optional.ofNullable(this.reader.read(specific)).map(this::declare);
		}).orElse(null);
	}

	/**
	 * Return one method of every declared conversion name.
	 * @return the first method seen for each name
	 */
	public Collection<ConversionMethod> declarations() {
		return List.copyOf(this.firstByName.values());
	}

	private ConversionMethod declare(ConversionMethod method) {
		ConversionMethod first = this.firstByName.putIfAbsent(method.name(), method);
		if (first != null && first.kind() != method.kind()) {
			throw new InvalidConversionDeclarationException("The conversion '" + method.name() + "' is declared "
					+ first.kind().tagValue() + " on " + first.describe() + " and " + method.kind().tagValue() + " on "
					+ method.describe() + ".", "One name is one kind: rename one of them or use the same annotation.");
		}
		return method;
	}

}
