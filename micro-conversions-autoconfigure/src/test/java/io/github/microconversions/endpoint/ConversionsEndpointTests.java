package io.github.microconversions.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.microconversions.ConversionTracker;
import io.github.microconversions.autoconfigure.ConversionsEndpointAutoConfiguration;
import io.github.microconversions.autoconfigure.MicroConversionsAutoConfiguration;
import io.github.microconversions.endpoint.ConversionReport.ChannelCounts;
import io.github.microconversions.journey.JourneyStore;
import io.github.microconversions.metrics.VisitMeters;
import io.github.microconversions.recording.FunnelAbandonmentSweeper;
import io.github.microconversions.visitor.Channel;
import io.github.microconversions.visitor.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link ConversionsEndpoint} on a scripted population, checked against numbers
 * computed here independently.
 */
class ConversionsEndpointTests {

	private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, MicroConversionsAutoConfiguration.class,
				ConversionsEndpointAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withBean(MutableClock.class, () -> this.clock)
		.withPropertyValues("management.endpoints.web.exposure.include=conversions",
				"micro-conversions.conversions.product-view.kind=micro",
				"micro-conversions.conversions.add-to-cart.kind=micro",
				"micro-conversions.conversions.purchase.kind=macro",
				"micro-conversions.conversions.newsletter-signup.kind=micro",
				"micro-conversions.funnels.checkout.steps=product-view,add-to-cart,purchase");

	@Test
	void reportsAScriptedPopulationExactly() {
		this.contextRunner.run((context) -> {
			script(context);
			ConversionsReport report = context.getBean(ConversionsEndpoint.class).conversions();
			assertThat(report.since()).isEqualTo("2026-11-23T10:00:00Z");
			assertThat(report.visitors()).isEqualTo(25);
			assertThat(report.visits()).isEqualTo(5);
			assertThat(report.engagement()).isEqualTo(new ConversionsReport.Engagement(20, 4, 5));
			ConversionReport productView = report.conversions().get("product-view");
			assertThat(productView.kind()).isEqualTo("micro");
			assertThat(productView.hits()).isEqualTo(21);
			assertThat(productView.visitors()).isEqualTo(20);
			assertWilson(productView.visitorRate(), 20, 25);
			assertThat(productView.channels()).isEqualTo(Map.of("direct", new ChannelCounts(21, 20)));
			assertThat(productView.milestones()).isEqualTo(20);
			assertThat(productView.secondaries()).isEqualTo(1);
			assertThat(productView.revenue()).isNull();
			ConversionReport addToCart = report.conversions().get("add-to-cart");
			assertThat(addToCart.hits()).isEqualTo(11);
			assertThat(addToCart.visitors()).isEqualTo(8);
			assertWilson(addToCart.visitorRate(), 8, 25);
			ConversionReport purchase = report.conversions().get("purchase");
			assertThat(purchase.kind()).isEqualTo("macro");
			assertThat(purchase.hits()).isEqualTo(4);
			assertThat(purchase.visitors()).isEqualTo(4);
			assertThat(purchase.revenue()).isEqualTo(Map.of("EUR", 65.5));
			assertThat(purchase.milestones()).isNull();
			assertThat(report.conversions().get("newsletter-signup").visitors()).isEqualTo(5);
			assertThat(report.funnels()).containsOnlyKeys("checkout");

			FunnelReport checkout = context.getBean(ConversionsEndpoint.class).funnel("checkout");
			assertThat(checkout.name()).isEqualTo("checkout");
			assertThat(checkout.window()).isEqualTo("PT24H");
			assertThat(checkout.steps()).extracting(FunnelReport.Step::name)
				.containsExactly("product-view", "add-to-cart", "purchase");
			assertThat(checkout.steps()).extracting(FunnelReport.Step::visitors).containsExactly(21L, 8L, 3L);
			assertThat(checkout.steps()).extracting(FunnelReport.Step::dropOff).containsExactly(0L, 13L, 5L);
			assertWilson(checkout.steps().get(0).fromPrevious(), 21, 21);
			assertWilson(checkout.steps().get(1).fromPrevious(), 8, 21);
			assertWilson(checkout.steps().get(2).fromPrevious(), 3, 8);
			assertWilson(checkout.steps().get(2).fromStart(), 3, 21);
			assertWilson(checkout.conversionRate(), 3, 21);
			// Interpolated in the timer's histogram bucket that holds 240 s, as histogram_quantile does.
			assertThat(Duration.parse(checkout.medianTimeToConvert()).toSeconds()).isBetween(223L, 269L);
			assertThat(checkout.abandoned()).isEqualTo(18);
			assertThat(checkout.channels()).containsOnlyKeys("direct");
			assertThat(checkout.channels().get("direct").steps()).containsExactly(21L, 8L, 3L);
		});
	}

	@Test
	void reportsNullRatesAndMedianBeforeAnyTraffic() {
		this.contextRunner.run((context) -> {
			ConversionsReport report = context.getBean(ConversionsEndpoint.class).conversions();
			assertThat(report.visitors()).isZero();
			assertThat(report.conversions().get("purchase").visitorRate()).isNull();
			FunnelReport checkout = report.funnels().get("checkout");
			assertThat(checkout.conversionRate()).isNull();
			assertThat(checkout.medianTimeToConvert()).isNull();
			assertThat(checkout.steps().get(1).fromPrevious()).isNull();
			assertThat(checkout.channels()).isEmpty();
		});
	}

	@Test
	void returnsNothingForAnUnknownFunnel() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(ConversionsEndpoint.class).funnel("nope")).isNull());
	}

	@Test
	void isNotAvailableUnlessExposed() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class,
					MicroConversionsAutoConfiguration.class, ConversionsEndpointAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(ConversionTracker.class)
				.doesNotHaveBean(ConversionsEndpoint.class));
	}

	/**
	 * 25 visitors: 5 only visit; 20 view a product (one of them twice, after buying); 8 add to
	 * cart (3 of them twice); 3 of those buy 4 minutes after their first view; one more buys
	 * without the funnel; 5 sign up for the newsletter. Then a day passes.
	 */
	private void script(AssertableWebApplicationContext context) {
		ConversionTracker tracker = context.getBean(ConversionTracker.class);
		JourneyStore journeys = context.getBean(JourneyStore.class);
		VisitMeters visitMeters = context.getBean(VisitMeters.class);
		List<String> visitors = java.util.stream.IntStream.range(0, 25)
			.mapToObj((i) -> new UUID(0, i + 1).toString())
			.toList();
		for (int i = 20; i < 25; i++) {
			visitMeters.visit(journeys.visit(UUID.fromString(visitors.get(i)), this.clock.millis(), () -> Channel.DIRECT));
		}
		for (int i = 0; i < 20; i++) {
			tracker.conversion("product-view").visitor(visitors.get(i)).record();
		}
		for (int i = 0; i < 8; i++) {
			tracker.conversion("add-to-cart").visitor(visitors.get(i)).record();
			if (i < 3) {
				tracker.conversion("add-to-cart").visitor(visitors.get(i)).record();
			}
		}
		this.clock.advance(Duration.ofMinutes(4));
		double[] amounts = { 10, 20, 30.5 };
		for (int i = 0; i < 3; i++) {
			tracker.conversion("purchase").visitor(visitors.get(i)).revenue(amounts[i], "EUR").record();
		}
		tracker.conversion("purchase").visitor(visitors.get(19)).revenue(5, "EUR").record();
		tracker.conversion("product-view").visitor(visitors.get(0)).record();
		for (int i = 15; i < 20; i++) {
			tracker.conversion("newsletter-signup").visitor(visitors.get(i)).record();
		}
		this.clock.advance(Duration.ofHours(25));
		context.getBean(FunnelAbandonmentSweeper.class).sweep();
	}

	private static void assertWilson(Rate rate, long successes, long trials) {
		double z = 1.96;
		double p = (double) successes / trials;
		double center = (p + z * z / (2.0 * trials)) / (1 + z * z / trials);
		double margin = z / (1 + z * z / trials) * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials));
		assertThat(rate.value()).isEqualTo(p);
		assertThat(rate.low()).isCloseTo(Math.max(0, center - margin), within(1e-4));
		assertThat(rate.high()).isCloseTo(Math.min(1, center + margin), within(1e-4));
	}

}
