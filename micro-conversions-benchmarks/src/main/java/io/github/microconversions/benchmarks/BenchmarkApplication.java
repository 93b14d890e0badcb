package io.github.microconversions.benchmarks;

import io.github.microconversions.MicroConversion;
import io.micrometer.core.annotation.Counted;
import io.micrometer.core.aop.CountedAspect;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application {@code wrk-compare.sh} loads: the same endpoint plain, with Micrometer's
 * {@code @Counted}, and with our annotation. The plain and counted paths are excluded from visit
 * tracking (see {@code application.properties}), so they cost what they would without us.
 */
@SpringBootApplication
public class BenchmarkApplication {

	public static void main(String[] args) {
		SpringApplication.run(BenchmarkApplication.class, args);
	}

	@Bean
	CountedAspect countedAspect(MeterRegistry registry) {
		return new CountedAspect(registry);
	}

	@RestController
	static class Endpoints {

		@GetMapping("/plain")
		public String plain() {
			return "ok";
		}

		@GetMapping("/counted")
		@Counted("bench.product.views")
		public String counted() {
			return "ok";
		}

		@GetMapping("/converted")
		@MicroConversion("product-view")
		public String converted() {
			return "ok";
		}

	}

}
