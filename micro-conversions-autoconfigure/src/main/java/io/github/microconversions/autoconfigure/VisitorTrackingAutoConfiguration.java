package io.github.microconversions.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.microconversions.journey.JourneyStore;
import io.github.microconversions.metrics.VisitMeters;
import io.github.microconversions.recording.ConversionRecorder;
import io.github.microconversions.recording.TrackingErrors;
import io.github.microconversions.visitor.BotDetector;
import io.github.microconversions.visitor.ChannelClassifier;
import io.github.microconversions.visitor.CookieVisitorResolver;
import io.github.microconversions.visitor.CookielessVisitorResolver;
import io.github.microconversions.visitor.DefaultChannelClassifier;
import io.github.microconversions.visitor.UserAgentBotDetector;
import io.github.microconversions.visitor.VisitHandlerInterceptor;
import io.github.microconversions.visitor.VisitTracker;
import io.github.microconversions.visitor.VisitorResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration that gives every Spring MVC request a visitor, a visit and a channel.
 */
@AutoConfiguration(after = MicroConversionsAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBean(ConversionRecorder.class)
public final class VisitorTrackingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VisitorResolver visitorResolver(MicroConversionsProperties properties, JourneyStore journeyStore,
			ObjectProvider<Clock> clock) {
		MicroConversionsProperties.Visitor visitor = properties.getVisitor();
		return switch (visitor.getMode()) {
			case COOKIE -> new CookieVisitorResolver(visitor.getCookieName(), visitor.getCookieMaxAge());
			case COOKIELESS -> new CookielessVisitorResolver(clock.getIfAvailable(Clock::systemUTC), journeyStore,
					properties.getVisit().getTimeout());
			case NONE -> (request, response) -> null;
		};
	}

	@Bean
	@ConditionalOnMissingBean
	ChannelClassifier channelClassifier() {
		return new DefaultChannelClassifier();
	}

	@Bean
	@ConditionalOnMissingBean
	BotDetector botDetector(MicroConversionsProperties properties) {
		return new UserAgentBotDetector(properties.getBots().getUserAgentPatterns());
	}

	@Bean
	VisitTracker visitTracker(BotDetector botDetector, VisitorResolver visitorResolver,
			ChannelClassifier channelClassifier, JourneyStore journeyStore, VisitMeters conversionVisitMeters,
			ObjectProvider<Clock> clock, MicroConversionsProperties properties,
			TrackingErrors conversionTrackingErrors) {
		return new VisitTracker(botDetector, visitorResolver, channelClassifier, journeyStore, conversionVisitMeters,
				clock.getIfAvailable(Clock::systemUTC), properties.getVisitor().isRespectPrivacySignals(),
				conversionTrackingErrors);
	}

	@Bean
	WebMvcConfigurer visitTrackingWebMvcConfigurer(VisitTracker visitTracker, TrackingErrors conversionTrackingErrors,
			MicroConversionsProperties properties, Environment environment) {
		List<String> excluded = new ArrayList<>(properties.getVisit().getExcludePaths());
		excluded.add(environment.getProperty("management.endpoints.web.base-path", "/actuator") + "/**");
		excluded.add(environment.getProperty("server.error.path", "/error"));
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new VisitHandlerInterceptor(visitTracker, conversionTrackingErrors))
					.excludePathPatterns(excluded);
			}

		};
	}

}
