package org.flowcrm.crm.mail;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.flowcrm.crm.link.ItemType;

/**
 * Send template {@code template} for a CRM record ({@code entityType} LEAD, DEAL, QUOTE or INVOICE
 * and {@code entityId}). {@code documentId} names the quote or invoice the template is about (its
 * {@code documentType}); an invoice is attached as PDF. {@code recipient} (one or more addresses,
 * comma-separated) defaults to the record's contact. {@code dedupeKey} makes the send happen once.
 */
public record MailRequest(
    @NotBlank @Size(max = 100) String template,
    @NotNull ItemType entityType,
    @NotNull Long entityId,
    Long documentId,
    @Size(max = 2000) String recipient,
    String locale,
    @NotBlank @Size(max = 200) String dedupeKey) {}
