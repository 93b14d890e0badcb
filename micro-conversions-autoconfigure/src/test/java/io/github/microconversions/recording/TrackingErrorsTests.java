package io.github.microconversions.recording;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TrackingErrors}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrackingErrorsTests {

	private final AtomicLong nanos = new AtomicLong();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final TrackingErrors errors = new TrackingErrors(this.registry, this.nanos::get);

	@Test
	void countsEveryErrorButLogsOnceAMinutePerReasonAndSubject(CapturedOutput output) {
		for (int i = 0; i < 5; i++) {
			this.errors.report(TrackingErrorReason.EXPRESSION, "purchase", "purchase failed", null);
		}
		this.errors.report(TrackingErrorReason.EXPRESSION, "lead", "lead failed", null);
		this.nanos.addAndGet(Duration.ofSeconds(59).toNanos());
		this.errors.report(TrackingErrorReason.EXPRESSION, "purchase", "purchase failed", null);
		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		this.errors.report(TrackingErrorReason.EXPRESSION, "purchase", "purchase failed", null);
		assertThat(this.registry.get("conversion.errors").tag("reason", "expression").counter().count()).isEqualTo(8);
		assertThat(output.getOut().split("purchase failed", -1)).hasSize(3);
		assertThat(output.getOut().split("lead failed", -1)).hasSize(2);
	}

	@Test
	void registersEveryReasonAtZero() {
		assertThat(this.registry.find("conversion.errors").counters()).hasSize(TrackingErrorReason.values().length)
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

}
