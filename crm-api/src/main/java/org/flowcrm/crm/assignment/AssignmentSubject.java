package org.flowcrm.crm.assignment;

import java.math.BigDecimal;
import java.util.Set;
import org.flowcrm.crm.lead.LeadSource;

/**
 * What rules look at on a lead or deal.
 *
 * @param amount a deal's amount in the base currency, a lead's total of its product interests
 * @param sectionIds the catalog sections of its products' rows, each with all sections above it, so
 *     a rule on "Hardware" matches a product filed under "Hardware › Laptops"
 * @param vip whether its company or one of its contacts is a VIP (for a lead: a known company or
 *     contact with the lead's e-mail or phone)
 * @param source a lead's source; a deal's is that of the lead it came from, {@code null} if none
 */
public record AssignmentSubject(
    AssignedRecord type,
    BigDecimal amount,
    Set<Long> sectionIds,
    ClientType clientType,
    boolean vip,
    LeadSource source) {

  public AssignmentSubject {
    amount = amount == null ? BigDecimal.ZERO : amount;
    sectionIds = sectionIds == null ? Set.of() : Set.copyOf(sectionIds);
  }
}
