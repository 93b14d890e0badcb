package io.github.microconversions.autoconfigure;

import io.github.microconversions.ConversionTracker;
import io.github.microconversions.MacroConversion;
import io.github.microconversions.MicroConversion;
import io.github.microconversions.definition.InvalidConversionDeclarationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aspectj.weaver.Advice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.Advisor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MicroConversionsAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MicroConversionsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, MicroConversionsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void recordsAnnotatedCallsByDefault() {
		this.contextRunner.withUserConfiguration(ShopConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ConversionTracker.class);
			context.getBean(Shop.class).addToCart();
			context.getBean(Shop.class).addToCart();
			assertThat(hits(context, "add-to-cart", "direct")).isEqualTo(2);
		});
	}

	@Test
	void registersEveryDeclaredConversionAtZeroAtStartUp() {
		this.contextRunner.withUserConfiguration(ShopConfiguration.class)
			.withPropertyValues("micro-conversions.conversions.payment-confirmed.kind=macro")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("conversion.hits").counters()).hasSize(4 * 7)
					.allSatisfy((counter) -> assertThat(counter.count()).isZero());
				assertThat(registry.find("conversion.failures").counters()).hasSize(4 * 2);
				assertThat(registry.get("conversion.revenue")
					.tags("conversion", "purchase", "currency", "USD", "channel", "email")
					.counter()
					.count()).isZero();
				assertThat(registry.get("conversion.revenue")
					.tags("conversion", "payment-confirmed", "currency", "EUR", "channel", "paid")
					.counter()
					.count()).isZero();
				assertThat(registry.find("conversion.errors").counters()).hasSize(6);
			});
	}

	@Test
	void recordsFromCodeWithTheTracker() {
		this.contextRunner.withPropertyValues("micro-conversions.conversions.payment-confirmed.kind=macro")
			.run((context) -> {
				ConversionTracker tracker = context.getBean(ConversionTracker.class);
				tracker.conversion("payment-confirmed").revenue(30, "EUR").idempotencyKey("o-1").record();
				tracker.conversion("payment-confirmed").revenue(30, "EUR").idempotencyKey("o-1").record();
				assertThat(hits(context, "payment-confirmed", "direct")).isEqualTo(1);
			});
	}

	@Test
	void recordsNothingWhenDisabled() {
		this.contextRunner.withUserConfiguration(ShopConfiguration.class)
			.withPropertyValues("micro-conversions.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ConversionTracker.class).doesNotHaveBean(Advisor.class);
				context.getBean(Shop.class).addToCart();
				assertThat(context.getBean(MeterRegistry.class).find("conversion.hits").counters()).isEmpty();
			});
	}

	@Test
	void backsOffToAUserTracker() {
		ConversionTracker userTracker = mock(ConversionTracker.class);
		this.contextRunner.withBean(ConversionTracker.class, () -> userTracker)
			.run((context) -> assertThat(context.getBean(ConversionTracker.class)).isSameAs(userTracker));
	}

	@Test
	void isAbsentWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, MicroConversionsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ConversionTracker.class));
	}

	@Test
	void isAbsentWithoutAspectJ() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Advice.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ConversionTracker.class));
	}

	@Test
	void ordersTheAdviceByProperty() {
		this.contextRunner.withPropertyValues("micro-conversions.order=42")
			.run((context) -> assertThat(context.getBean(Advisor.class)).isInstanceOf(Ordered.class)
				.extracting((advisor) -> ((Ordered) advisor).getOrder())
				.isEqualTo(42));
	}

	@Test
	void countsNothingWhenTheTransactionFailsToCommit() {
		this.contextRunner.withUserConfiguration(TransactionalShopConfiguration.class).run((context) -> {
			assertThatExceptionOfType(TransactionSystemException.class)
				.isThrownBy(() -> context.getBean(TransactionalShop.class).purchase());
			assertThat(hits(context, "purchase", "direct")).isZero();
			assertThat(context.getBean(MeterRegistry.class)
				.get("conversion.failures")
				.tags("conversion", "purchase", "outcome", "error")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void warnsAboutAnnotatedMethodsAProxyCannotAdvise(CapturedOutput output) {
		this.contextRunner.withBean(Unadvisable.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("The conversion on " + Unadvisable.class.getName()
					+ "#hidden is never recorded: Spring AOP proxies cannot advise a private method");
			assertThat(output).contains(Unadvisable.class.getName() + "#locked is never recorded")
				.contains("cannot advise a public final method");
		});
	}

	@Test
	void failsWithAnExplanationOnAnInvalidName() {
		this.contextRunner.withBean(InvalidName.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(InvalidName.class.getName() + "#signup()")
				.contains("'Newsletter Signup'");
			assertThat(analysis.getAction()).contains("lower-case letters");
		});
	}

	@Test
	void failsWithAnExplanationOnAnExpressionThatDoesNotParse() {
		this.contextRunner.withBean(InvalidExpression.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(InvalidExpression.class.getName() + "#purchase()")
				.contains("revenue expression '#result.total +' that does not parse");
			assertThat(analysis.getAction()).contains("Fix the SpEL expression");
		});
	}

	@Test
	void failsWithAnExplanationOnANameUsedAsMicroAndMacro() {
		this.contextRunner.withBean(MixedKinds.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("The conversion 'signup' is declared")
				.contains("micro on")
				.contains("macro on");
			assertThat(analysis.getAction()).contains("One name is one kind");
		});
	}

	@Test
	void failsNamingThePropertyWhenCodeDeclaresAnotherKind() {
		this.contextRunner.withUserConfiguration(ShopConfiguration.class)
			.withPropertyValues("micro-conversions.conversions.add-to-cart.kind=macro")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("micro-conversions.conversions.add-to-cart.kind")
				.hasMessageContaining("declares 'add-to-cart' micro"));
	}

	@Test
	void failsNamingThePropertyOnAnInvalidDefaultCurrency() {
		this.contextRunner.withPropertyValues("micro-conversions.default-currency=EURO")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("micro-conversions.default-currency")
				.hasMessageContaining("ISO 4217"));
	}

	@Test
	void failsNamingThePropertyWhenACodeConversionHasAnUnknownKind() {
		this.contextRunner.withPropertyValues("micro-conversions.conversions.payment-confirmed.kind=sometimes")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
					"Failed to bind properties under 'micro-conversions.conversions.payment-confirmed.kind'"));
	}

	@Test
	void failsNamingThePropertyOnAFunnelStepThatIsNotAConversion() {
		this.contextRunner.withUserConfiguration(ShopConfiguration.class)
			.withPropertyValues("micro-conversions.funnels.checkout.steps=product-view,add-to-card,purchase")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("micro-conversions.funnels.checkout.steps")
				.hasMessageContaining("The step 'add-to-card' is not a declared conversion"));
	}

	@Test
	void failsNamingThePropertyOnADuplicateFunnelStep() {
		this.contextRunner.withUserConfiguration(ShopConfiguration.class)
			.withPropertyValues("micro-conversions.funnels.checkout.steps=product-view,add-to-cart,product-view")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("micro-conversions.funnels.checkout.steps")
				.hasMessageContaining("The step 'product-view' appears twice"));
	}

	@Test
	void failsNamingThePropertyOnAFunnelOfOneStep() {
		this.contextRunner.withUserConfiguration(ShopConfiguration.class)
			.withPropertyValues("micro-conversions.funnels.checkout.steps=purchase")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("micro-conversions.funnels.checkout.steps")
				.hasMessageContaining("at least two steps"));
	}

	@Test
	void failsNamingThePropertyOnANonPositiveFunnelWindow() {
		this.contextRunner.withUserConfiguration(ShopConfiguration.class)
			.withPropertyValues("micro-conversions.funnels.checkout.steps=product-view,purchase",
					"micro-conversions.funnels.checkout.window=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("micro-conversions.funnels.checkout.window")
				.hasMessageContaining("positive duration"));
	}

	@Test
	void registersEveryFunnelStepAtZeroForEveryChannel() {
		this.contextRunner.withUserConfiguration(ShopConfiguration.class)
			.withPropertyValues("micro-conversions.funnels.checkout.steps=product-view,add-to-cart,purchase")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("conversion.funnel.step").tag("funnel", "checkout").counters())
					.hasSize(3 * 7);
				assertThat(registry.find("conversion.funnel.abandoned").tag("funnel", "checkout").counters())
					.hasSize(2);
				assertThat(registry.get("conversion.funnel.duration").tag("funnel", "checkout").timer().count())
					.isZero();
			});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull().hasRootCauseInstanceOf(InvalidConversionDeclarationException.class);
		return new InvalidConversionDeclarationFailureAnalyzer().analyze(failure);
	}

	private static double hits(org.springframework.context.ApplicationContext context, String conversion,
			String channel) {
		return context.getBean(MeterRegistry.class)
			.get("conversion.hits")
			.tags("conversion", conversion, "channel", channel)
			.counter()
			.count();
	}

	@Configuration(proxyBeanMethods = false)
	static class ShopConfiguration {

		@Bean
		Shop shop() {
			return new Shop();
		}

	}

	static class Shop {

		@MicroConversion("add-to-cart")
		public void addToCart() {
		}

		@MicroConversion("product-view")
		public void viewProduct() {
		}

		@MacroConversion(value = "purchase", currency = "USD")
		public void purchase() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class TransactionalShopConfiguration {

		@Bean
		TransactionalShop transactionalShop() {
			return new TransactionalShop();
		}

		@Bean
		PlatformTransactionManager failingCommitTransactionManager() {
			return new FailingCommitTransactionManager();
		}

	}

	static class TransactionalShop {

		@Transactional
		@MacroConversion("purchase")
		public void purchase() {
		}

	}

	/**
	 * A transaction manager whose commit fails, as a database's does on a deferred constraint.
	 */
	static class FailingCommitTransactionManager extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			throw new TransactionSystemException("Could not commit: constraint violated");
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

	static class Unadvisable {

		@MicroConversion("hidden")
		private void hidden() {
		}

		@MicroConversion("locked")
		public final void locked() {
		}

	}

	static class InvalidName {

		@MicroConversion("Newsletter Signup")
		public void signup() {
		}

	}

	static class InvalidExpression {

		@MacroConversion(value = "purchase", revenue = "#result.total +")
		public void purchase() {
		}

	}

	static class MixedKinds {

		@MicroConversion("signup")
		public void newsletter() {
		}

		@MacroConversion("signup")
		public void account() {
		}

	}

}
