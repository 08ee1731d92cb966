package org.flowcrm.crm.dealcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flowcrm.crm.activity.ActivityFilter;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Reads a deal card through each feature's own service, so every part keeps its permission rules
 * (404 for an unreadable deal; contacts and a company the caller may not read are left out; the
 * timeline lists only activities he may read). Deliberately not one transaction: a part the caller
 * may not read answers with an exception inside its service's transaction, which would mark a
 * surrounding one rollback-only; each part reads in its own read-only transaction, as the separate
 * requests do.
 */
@Service
public class DealCardService {

  private final DealService deals;
  private final ContactService contacts;
  private final CompanyService companies;
  private final ActivityService activities;

  DealCardService(
      DealService deals,
      ContactService contacts,
      CompanyService companies,
      ActivityService activities) {
    this.deals = deals;
    this.contacts = contacts;
    this.companies = companies;
    this.activities = activities;
  }

  /**
   * The card of deal {@code id} with the asked parts and up to {@code activityLimit} activities.
   */
  public DealCardView card(long id, Set<CardPart> parts, Integer activityLimit) {
    if (activityLimit != null && (activityLimit < 1 || activityLimit > ListRequest.MAX_LIMIT)) {
      throw new BadParameterException(
          "activityLimit",
          "must be between 1 and " + ListRequest.MAX_LIMIT + " (was " + activityLimit + ")");
    }
    ListRequest timeline = new ListRequest(null, activityLimit, null);
    DealView deal = deals.get(id);
    List<ContactView> linked = null;
    if (parts.contains(CardPart.CONTACTS)) {
      linked = new ArrayList<>();
      for (Long contactId : deal.contactIds()) {
        try {
          linked.add(contacts.get(contactId));
        } catch (NotFoundException unreadable) {
          // the caller may not read this contact: the card leaves it out
        }
      }
    }
    CompanyView company = null;
    if (parts.contains(CardPart.COMPANY) && deal.companyId() != null) {
      try {
        company = companies.get(deal.companyId());
      } catch (NotFoundException unreadable) {
        // left out, as for contacts
      }
    }
    CursorPage<ActivityView> latest = null;
    if (parts.contains(CardPart.ACTIVITIES)) {
      latest =
          activities.list(
              new ActivityFilter(null, null, null, null, ItemType.DEAL, id, null, null), timeline);
    }
    return new DealCardView(deal, linked, company, latest);
  }
}
