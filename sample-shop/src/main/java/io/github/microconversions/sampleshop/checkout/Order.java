package io.github.microconversions.sampleshop.checkout;

import java.math.BigDecimal;

/**
 * A placed order, awaiting its payment provider's confirmation.
 *
 * @param id the order id, the idempotency key of its payment webhook
 * @param visitorId the visitor who placed it, kept for the payment webhook, or empty
 * @param total the order total in EUR
 */
public record Order(String id, String visitorId, BigDecimal total) {
}
