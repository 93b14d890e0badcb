package io.github.microconversions.benchmarks;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.microconversions.visitor.Channel;
import io.github.microconversions.visitor.VisitContext;
import io.micrometer.core.aop.CountedAspect;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The per-call cost of our annotation against a plain call, a no-op interceptor and Micrometer's
 * {@code @Counted}, all through CGLIB proxies as Spring Boot makes them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConversionAdviceBenchmark {

	@Benchmark
	public int plainCall(Proxies proxies) {
		return proxies.plain.viewProduct(1);
	}

	@Benchmark
	public int noOpInterceptor(Proxies proxies) {
		return proxies.noOp.viewProduct(1);
	}

	@Benchmark
	public int micrometerCounted(Proxies proxies) {
		return proxies.counted.viewProduct(1);
	}

	@Benchmark
	public int conversionHitOnly(Proxies proxies) {
		return proxies.converted.viewProduct(1);
	}

	@Benchmark
	public int conversionWithVisitorAndFunnel(Visitors visitors, VisitorThread thread) {
		thread.request.visit = visitors.contexts[thread.next()];
		return visitors.converted.viewProduct(1);
	}

	/**
	 * The proxies of the per-call benchmarks, outside any request.
	 */
	@State(Scope.Benchmark)
	public static class Proxies {

		Shop plain;

		Shop noOp;

		Shop counted;

		Shop converted;

		@Setup
		public void setUp() {
			PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
			this.plain = new Shop();
			ProxyFactory noOp = new ProxyFactory(new Shop());
			noOp.setProxyTargetClass(true);
			noOp.addAdvisor(new DefaultPointcutAdvisor(
					AnnotationMatchingPointcut.forMethodAnnotation(io.github.microconversions.MicroConversion.class),
					(MethodInterceptor) (invocation) -> invocation.proceed()));
			this.noOp = (Shop) noOp.getProxy();
			AspectJProxyFactory counted = new AspectJProxyFactory(new Shop());
			counted.setProxyTargetClass(true);
			counted.addAspect(new CountedAspect(registry));
			this.counted = counted.getProxy();
			this.converted = new Conversions(registry, 1000).proxy(new Shop());
		}

	}

	/**
	 * Distinct visitors, each with a journey and a funnel attempt once called.
	 */
	@State(Scope.Benchmark)
	public static class Visitors {

		@Param({ "1000", "1000000" })
		int count;

		VisitContext[] contexts;

		Shop converted;

		@Setup
		public void setUp() {
			Conversions conversions = new Conversions(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
					2L * this.count);
			this.converted = conversions.proxy(new Shop());
			this.contexts = new VisitContext[this.count];
			for (int i = 0; i < this.count; i++) {
				this.contexts[i] = new VisitContext(UUID.randomUUID(), Channel.ALL.get(i % Channel.ALL.size()), false);
			}
		}

	}

	/**
	 * One benchmark thread's request, bound to the thread as Spring MVC binds it.
	 */
	@State(Scope.Thread)
	public static class VisitorThread {

		final SingleAttributeRequest request = new SingleAttributeRequest();

		private int index;

		private int count;

		@Setup(Level.Trial)
		public void bind(Visitors visitors) {
			this.count = visitors.count;
			this.index = (int) (Thread.currentThread().getId() * 7919 % this.count);
			RequestContextHolder.setRequestAttributes(this.request);
		}

		@TearDown(Level.Trial)
		public void unbind() {
			RequestContextHolder.resetRequestAttributes();
		}

		int next() {
			int next = this.index;
			this.index = (next + 1 == this.count) ? 0 : next + 1;
			return next;
		}

	}

}
