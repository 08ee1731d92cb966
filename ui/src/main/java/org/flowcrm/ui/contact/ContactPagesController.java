package org.flowcrm.ui.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.contact.ContactPhotoService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealFilter;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.listview.ListKind;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.ui.bulk.BulkBar;
import org.flowcrm.ui.listview.ListViews;
import org.flowcrm.ui.record.RecordExtras;
import org.flowcrm.ui.timeline.Timeline;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Contacts: {@code /contacts} (search, keyset paging) and the card {@code /contacts/{id}}. */
@Controller
class ContactPagesController {

  static final String LIST_VIEW = "contact/list";
  static final String CARD_VIEW = "contact/card";
  static final int DEALS_ON_CARD = 50;

  private final RecordExtras extras;
  private final ContactService contacts;
  private final CompanyService companies;
  private final DealService deals;
  private final Timeline timeline;
  private final BulkBar bulkBar;
  private final ContactCardFields cardFields;
  private final ListViews listViews;
  private final ContactPhotoService photos;

  ContactPagesController(
      ContactService contacts,
      CompanyService companies,
      DealService deals,
      Timeline timeline,
      BulkBar bulkBar,
      ListViews listViews,
      RecordExtras extras,
      ContactCardFields cardFields,
      ContactPhotoService photos) {
    this.cardFields = cardFields;
    this.photos = photos;
    this.listViews = listViews;
    this.extras = extras;
    this.bulkBar = bulkBar;
    this.contacts = contacts;
    this.companies = companies;
    this.deals = deals;
    this.timeline = timeline;
  }

  @GetMapping("/contacts")
  String list(
      @RequestParam Map<String, String> params,
      @RequestParam(required = false) List<String> cols,
      Model model) {
    ListViews.State state = listViews.read(model, ListKind.CONTACTS, params, cols);
    ContactFilter filter = new ContactFilter(null, null, null, state.filter("q"), state.custom());
    model.addAttribute(
        "contacts", listViews.page(model, state, page -> contacts.list(filter, page)));
    bulkBar.addTo(model, "contacts");
    return LIST_VIEW;
  }

  @GetMapping("/contacts/{id}")
  String card(@PathVariable long id, Model model) {
    ContactView contact = contacts.get(id);
    Map<String, String> companyNames = new LinkedHashMap<>();
    companies
        .names(contact.companyIds())
        .forEach((companyId, name) -> companyNames.put(String.valueOf(companyId), name));
    model.addAttribute("contact", contact);
    model.addAttribute("hasPhoto", photos.has(id));
    model.addAttribute("companyNames", companyNames);
    model.addAttribute(
        "deals",
        deals
            .list(
                new DealFilter(null, null, null, null, id, null, null, null, null, null, null),
                new ListRequest("-id", DEALS_ON_CARD, null))
            .items());
    model.addAttribute("timeline", timeline.of(ItemType.CONTACT, id));
    cardFields.addTo(model, contact);
    extras.addTo(model, CustomizableEntity.CONTACT, id, contact.customFields());
    return CARD_VIEW;
  }
}
