package org.flowcrm.ui.document;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Names of what quotes and invoices point at: the deal's title and the payer (the company, else the
 * contact). A record the user may not read, or that is gone, has no name here and the page shows
 * its number instead, so one unreadable payer does not break a list.
 */
@Component
class DocumentParties {

  private final DealService deals;
  private final ContactService contacts;
  private final CompanyService companies;

  DocumentParties(DealService deals, ContactService contacts, CompanyService companies) {
    this.deals = deals;
    this.contacts = contacts;
    this.companies = companies;
  }

  /** Deal id → title, keyed by the id as text (FreeMarker hashes take string keys). */
  Map<String, String> dealTitles(Collection<Long> ids) {
    return names(ids, id -> deals.get(id).title());
  }

  /** Company id → name. */
  Map<String, String> companyNames(Collection<Long> ids) {
    Set<Long> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    Map<String, String> names = new HashMap<>();
    if (!wanted.isEmpty()) {
      companies.names(wanted).forEach((id, name) -> names.put(String.valueOf(id), name));
    }
    return names;
  }

  /** Contact id → "first last". */
  Map<String, String> contactNames(Collection<Long> ids) {
    return names(
        ids,
        id -> {
          ContactView contact = contacts.get(id);
          String name =
              ((contact.firstName() == null ? "" : contact.firstName())
                      + " "
                      + (contact.lastName() == null ? "" : contact.lastName()))
                  .strip();
          return name.isEmpty() ? null : name;
        });
  }

  private static Map<String, String> names(Collection<Long> ids, Function<Long, String> nameOf) {
    Map<String, String> names = new LinkedHashMap<>();
    ids.stream()
        .filter(Objects::nonNull)
        .distinct()
        .forEach(
            id -> {
              try {
                String name = nameOf.apply(id);
                if (name != null) {
                  names.put(String.valueOf(id), name);
                }
              } catch (NotFoundException | ForbiddenException unreadable) {
                // shown by number only
              }
            });
    return names;
  }
}
