package org.flowcrm.ui.record;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcrm.crm.company.CompanyFilter;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.user.UserService;
import org.springframework.stereotype.Component;

/**
 * The choices record forms offer (id → name, for selects): active users, and the companies and
 * contacts the user may read, by name, plus those the record already links to.
 */
@Component
public class FormChoices {

  /** How many companies or contacts a select offers; a search picker is for later. */
  static final int LIMIT = 200;

  private final UserService users;
  private final CompanyService companies;
  private final ContactService contacts;

  FormChoices(UserService users, CompanyService companies, ContactService contacts) {
    this.users = users;
    this.companies = companies;
    this.contacts = contacts;
  }

  public Map<String, String> users() {
    Map<String, String> choices = new LinkedHashMap<>();
    users.list(true).forEach(u -> choices.put(Long.toString(u.id()), u.displayName()));
    return choices;
  }

  public Map<String, String> companies(Collection<Long> linked) {
    Map<String, String> choices = new LinkedHashMap<>();
    try {
      for (CompanyView c :
          companies
              .list(new CompanyFilter(null, null, null, null), new ListRequest("name", LIMIT, null))
              .items()) {
        choices.put(Long.toString(c.id()), c.name());
      }
      companies.names(linked).forEach((id, name) -> choices.putIfAbsent(Long.toString(id), name));
    } catch (ForbiddenException mayNotRead) {
      // no companies to offer: the form still saves the rest
    }
    return choices;
  }

  public Map<String, String> contacts(Collection<Long> linked) {
    Map<String, String> choices = new LinkedHashMap<>();
    try {
      for (ContactView c :
          contacts
              .list(
                  new ContactFilter(null, null, null, null),
                  new ListRequest("lastName", LIMIT, null))
              .items()) {
        choices.put(Long.toString(c.id()), c.fullName());
      }
      for (Long id : linked) {
        if (id != null && !choices.containsKey(Long.toString(id))) {
          choices.put(Long.toString(id), "#" + id);
        }
      }
    } catch (ForbiddenException mayNotRead) {
      // no contacts to offer
    }
    return choices;
  }
}
