package io.github.microconversions.autoconfigure;

import java.time.Clock;

import io.github.microconversions.endpoint.ConversionsEndpoint;
import io.github.microconversions.funnel.Funnels;
import io.github.microconversions.metrics.ConversionMeters;
import io.github.microconversions.metrics.VisitMeters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link ConversionsEndpoint}; Actuator stays optional.
 */
@AutoConfiguration(after = MicroConversionsAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(ConversionsEndpoint.class)
@ConditionalOnBean(ConversionMeters.class)
public final class ConversionsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConversionsEndpoint conversionsEndpoint(ConversionMeters conversionMeters, VisitMeters conversionVisitMeters,
			Funnels conversionFunnels, ObjectProvider<Clock> clock) {
		return new ConversionsEndpoint(conversionMeters, conversionVisitMeters, conversionFunnels,
				clock.getIfAvailable(Clock::systemUTC).instant());
	}

}
