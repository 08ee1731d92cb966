package org.flowcrm.crm.company;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where a company receives payments. */
@Embeddable
public record BankDetails(
    @Size(max = 255) @Column(name = "bank_name") String bankName,
    @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}", message = "must be an IBAN without spaces")
        @Column(name = "bank_iban")
        String iban,
    @Pattern(regexp = "[A-Z0-9]{8}([A-Z0-9]{3})?", message = "must be a BIC (8 or 11 characters)")
        @Column(name = "bank_bic")
        String bic,
    @Size(max = 255) @Column(name = "bank_account_holder") String accountHolder) {}
