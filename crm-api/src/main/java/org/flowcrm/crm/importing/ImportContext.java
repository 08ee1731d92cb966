package org.flowcrm.crm.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyFilter;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.shared.ListRequest;

/**
 * What one running import remembers between rows: companies found or created by name (a contact
 * file names the same company many times) and the records it already created, by e-mail and phone,
 * so that a file's own repeated rows count as duplicates too.
 */
final class ImportContext {

  private final CompanyService companies;
  private final Map<String, Long> companyIds = new HashMap<>();
  final Map<String, Long> createdByKey = new HashMap<>();

  /** Companies this import created for contacts, to delete on revert. */
  final Map<Long, String> createdCompanies = new HashMap<>();

  ImportContext(CompanyService companies) {
    this.companies = companies;
  }

  /** The id of the company with this name (ignoring case), created when there is none. */
  long companyNamed(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    Long known = companyIds.get(key);
    if (known != null) {
      return known;
    }
    long id =
        companies
            .list(new CompanyFilter(null, null, null, name), new ListRequest(null, 50, null))
            .items()
            .stream()
            .filter(c -> c.name().equalsIgnoreCase(name.trim()))
            .map(c -> c.id())
            .findFirst()
            .orElseGet(
                () -> {
                  long created =
                      companies
                          .create(
                              CompanyCommand.named(
                                  name.trim(), java.util.List.of(), java.util.List.of(), null))
                          .id();
                  createdCompanies.put(created, name);
                  return created;
                });
    companyIds.put(key, id);
    return id;
  }

  static String key(String value) {
    return value.replaceAll("[^0-9A-Za-z@._+-]", "").toLowerCase(Locale.ROOT);
  }
}
