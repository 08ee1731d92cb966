package org.flowcrm.crm.lead;

import jakarta.validation.constraints.Size;

/**
 * What to turn a lead into: create a contact, a company and/or a deal from it, or link an existing
 * contact ({@code contactId}) or company ({@code companyId}) instead of creating one. The deal goes
 * to {@code pipelineId} (default pipeline when left out) and is titled {@code dealTitle} (the
 * lead's title when left out).
 */
public record ConversionCommand(
    Boolean createContact,
    Boolean createCompany,
    Boolean createDeal,
    Long contactId,
    Long companyId,
    Long pipelineId,
    @Size(max = 255) String dealTitle) {

  boolean contact() {
    return Boolean.TRUE.equals(createContact);
  }

  boolean company() {
    return Boolean.TRUE.equals(createCompany);
  }

  boolean deal() {
    return Boolean.TRUE.equals(createDeal);
  }
}
