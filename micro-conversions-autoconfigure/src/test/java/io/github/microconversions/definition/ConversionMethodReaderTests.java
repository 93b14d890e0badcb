package io.github.microconversions.definition;

import java.lang.reflect.Method;

import io.github.microconversions.ConversionKind;
import io.github.microconversions.MacroConversion;
import io.github.microconversions.MicroConversion;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ConversionMethodReader}.
 */
class ConversionMethodReaderTests {

	private final ConversionMethodReader reader = new ConversionMethodReader();

	@Test
	void readsNameKindExpressionsAndErrorsParameters() {
		ConversionMethod method = read("purchase");
		assertThat(method.name()).isEqualTo("purchase");
		assertThat(method.kind()).isEqualTo(ConversionKind.MACRO);
		assertThat(method.revenue().getExpressionString()).isEqualTo("#result");
		assertThat(method.currency()).isEqualTo("USD");
		assertThat(method.tags()).extracting(TagDefinition::key).containsExactly("source");
		assertThat(method.errorsParameterIndexes()).containsExactly(1);
		assertThat(method.variableNames()[0]).containsExactly("p0", "amount");
		assertThat(method.asynchronous()).isFalse();
	}

	@Test
	void returnsNullForAMethodWithoutAnnotation() {
		assertThat(this.reader.read(method("plain"))).isNull();
	}

	@Test
	void rejectsANameOutsideThePattern() {
		assertThatExceptionOfType(InvalidConversionDeclarationException.class).isThrownBy(() -> read("badName"))
			.withMessageContaining("Methods#badName(")
			.withMessageContaining("'Add To Cart'")
			.withMessageContaining("[a-z0-9][a-z0-9._-]{0,62}")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("such as 'add-to-cart'"));
	}

	@Test
	void rejectsAnExpressionThatDoesNotParse() {
		assertThatExceptionOfType(InvalidConversionDeclarationException.class).isThrownBy(() -> read("badCondition"))
			.withMessageContaining("condition expression '#result ==' that does not parse")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("Fix the SpEL expression"));
	}

	@Test
	void rejectsBothAnnotationsOnOneMethod() {
		assertThatExceptionOfType(InvalidConversionDeclarationException.class).isThrownBy(() -> read("both"))
			.withMessageContaining("carries both @MicroConversion and @MacroConversion");
	}

	@Test
	void rejectsACurrencyThatIsNotIso4217() {
		assertThatExceptionOfType(InvalidConversionDeclarationException.class).isThrownBy(() -> read("badCurrency"))
			.withMessageContaining("currency 'EURO', which is not an ISO 4217 code");
	}

	@Test
	void rejectsATagWithoutKey() {
		assertThatExceptionOfType(InvalidConversionDeclarationException.class).isThrownBy(() -> read("badTag"))
			.withMessageContaining("tag '#product.category' that is not of the form key=expression");
	}

	@Test
	void rejectsADuplicateTagKey() {
		assertThatExceptionOfType(InvalidConversionDeclarationException.class).isThrownBy(() -> read("duplicateTag"))
			.withMessageContaining("declares the tag 'a' twice");
	}

	private ConversionMethod read(String name) {
		return this.reader.read(method(name));
	}

	private static Method method(String name) {
		return ReflectionUtils.findMethod(Methods.class, name, (Class<?>[]) null);
	}

	static class Methods {

		@MacroConversion(value = "purchase", revenue = "#result", currency = "USD", tags = "source=#p0")
		public double purchase(double amount, BindingResult bindingResult) {
			return amount;
		}

		public void plain() {
		}

		@MicroConversion("Add To Cart")
		public void badName() {
		}

		@MicroConversion(value = "signup", condition = "#result ==")
		public void badCondition() {
		}

		@MicroConversion("x")
		@MacroConversion("y")
		public void both() {
		}

		@MacroConversion(value = "purchase", currency = "EURO")
		public void badCurrency() {
		}

		@MicroConversion(value = "add-to-cart", tags = "#product.category")
		public void badTag() {
		}

		@MicroConversion(value = "add-to-cart", tags = { "a=#p0", "a=#p1" })
		public void duplicateTag(String one, String two) {
		}

	}

}
