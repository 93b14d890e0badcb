package io.github.microconversions.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.microconversions.MacroConversion;
import io.github.microconversions.MicroConversion;
import io.github.microconversions.definition.ConversionMethodReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Reads the annotated methods of every bean as it is created, so that a bad declaration stops
 * start-up and every conversion is known before the first call, and warns about annotated
 * methods that a proxy cannot advise.
 */
public final class ConversionMethodScanner implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(ConversionMethodScanner.class);

	private static final Set<Class<? extends java.lang.annotation.Annotation>> ANNOTATIONS = Set
		.of(MicroConversion.class, MacroConversion.class);

	private final ConversionMethodRegistry registry;

	private final Set<Class<?>> scanned = ConcurrentHashMap.newKeySet();

	/**
	 * Create a new scanner.
	 * @param registry where to register the annotated methods
	 */
	public ConversionMethodScanner(ConversionMethodRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
		if (AnnotationUtils.isCandidateClass(targetClass, ANNOTATIONS) && this.scanned.add(targetClass)) {
			ReflectionUtils.doWithMethods(targetClass, (method) -> scan(method, targetClass),
					ConversionMethodReader::isAnnotated);
		}
		return bean;
	}

	private void scan(Method method, Class<?> targetClass) {
		int modifiers = method.getModifiers();
		if (Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers) || Modifier.isStatic(modifiers)) {
			logger.warn("The conversion on " + method.getDeclaringClass().getName() + "#" + method.getName()
					+ " is never recorded: Spring AOP proxies cannot advise a " + Modifier.toString(modifiers)
					+ " method. Make it public and non-final, and call it through the bean, not from its own class.");
			return;
		}
		this.registry.resolve(method, targetClass);
	}

}
