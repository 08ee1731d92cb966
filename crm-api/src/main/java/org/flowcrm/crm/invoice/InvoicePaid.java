package org.flowcrm.crm.invoice;

import java.math.BigDecimal;
import java.time.Instant;

/** An invoice was paid; {@code dealId} is the deal it was created from, if any. */
public record InvoicePaid(
    long invoiceId,
    String number,
    Long dealId,
    BigDecimal amount,
    String currency,
    Instant paidAt) {}
