package io.github.microconversions.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.journey.InMemoryJourneyStore;
import io.github.microconversions.journey.JourneyStore;
import io.github.microconversions.visitor.BotDetector;
import io.github.microconversions.visitor.Channel;
import io.github.microconversions.visitor.ChannelClassifier;
import io.github.microconversions.visitor.CookieVisitorResolver;
import io.github.microconversions.visitor.CookielessVisitorResolver;
import io.github.microconversions.visitor.VisitTracker;
import io.github.microconversions.visitor.VisitorResolver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VisitorTrackingAutoConfiguration}.
 */
class VisitorTrackingAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, MicroConversionsAutoConfiguration.class,
				VisitorTrackingAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void tracksVisitorsByCookieByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(VisitTracker.class);
			assertThat(context.getBean(VisitorResolver.class)).isInstanceOf(CookieVisitorResolver.class);
			assertThat(context.getBean(JourneyStore.class)).isInstanceOf(InMemoryJourneyStore.class);
		});
	}

	@Test
	void tracksVisitorsWithoutCookieInCookielessMode() {
		this.contextRunner.withPropertyValues("micro-conversions.visitor.mode=cookieless")
			.run((context) -> assertThat(context.getBean(VisitorResolver.class))
				.isInstanceOf(CookielessVisitorResolver.class));
	}

	@Test
	void knowsNoVisitorInNoneMode() {
		this.contextRunner.withPropertyValues("micro-conversions.visitor.mode=none").run((context) -> {
			MockHttpServletResponse response = new MockHttpServletResponse();
			assertThat(context.getBean(VisitorResolver.class).resolve(new MockHttpServletRequest(), response)).isNull();
			assertThat(response.getHeader("Set-Cookie")).isNull();
		});
	}

	@Test
	void backsOffToTheUsersBeans() {
		VisitorResolver resolver = (request, response) -> null;
		ChannelClassifier classifier = (request) -> Channel.PAID;
		BotDetector bots = (request) -> false;
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		JourneyStore journeys = new InMemoryJourneyStore(10, Duration.ofDays(1), Duration.ofMinutes(30),
				new Funnels(List.of(), registry), registry, System::nanoTime, Runnable::run);
		this.contextRunner.withBean(VisitorResolver.class, () -> resolver)
			.withBean(ChannelClassifier.class, () -> classifier)
			.withBean(BotDetector.class, () -> bots)
			.withBean(JourneyStore.class, () -> journeys)
			.run((context) -> {
				assertThat(context.getBean(VisitorResolver.class)).isSameAs(resolver);
				assertThat(context.getBean(ChannelClassifier.class)).isSameAs(classifier);
				assertThat(context.getBean(BotDetector.class)).isSameAs(bots);
				assertThat(context.getBean(JourneyStore.class)).isSameAs(journeys);
			});
	}

	@Test
	void isAbsentOutsideAServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class,
					MicroConversionsAutoConfiguration.class, VisitorTrackingAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).doesNotHaveBean(VisitTracker.class));
	}

	@Test
	void isAbsentWithoutSpringMvc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebMvcConfigurer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(VisitTracker.class));
	}

	@Test
	void isAbsentWhenDisabled() {
		this.contextRunner.withPropertyValues("micro-conversions.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(VisitTracker.class));
	}

	@Test
	void failsNamingThePropertyOnABotPatternThatIsNotARegularExpression() {
		this.contextRunner.withPropertyValues("micro-conversions.bots.user-agent-patterns=bot,(unclosed")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("micro-conversions.bots.user-agent-patterns")
				.hasMessageContaining("(unclosed"));
	}

}
