package org.flowcrm.ui.company;

import java.util.List;
import java.util.Map;
import org.flowcrm.crm.company.CompanyFilter;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.contact.ContactService;
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

/**
 * Companies: {@code /companies} (search, keyset paging) and the card {@code /companies/{id}} with
 * its contacts, deals and timeline.
 */
@Controller
class CompanyPagesController {

  static final String LIST_VIEW = "company/list";
  static final String CARD_VIEW = "company/card";
  static final int RELATED_ON_CARD = 50;

  private final RecordExtras extras;
  private final CompanyService companies;
  private final ContactService contacts;
  private final DealService deals;
  private final Timeline timeline;
  private final BulkBar bulkBar;
  private final CompanyCardFields cardFields;
  private final ListViews listViews;

  CompanyPagesController(
      CompanyService companies,
      ContactService contacts,
      DealService deals,
      Timeline timeline,
      BulkBar bulkBar,
      ListViews listViews,
      RecordExtras extras,
      CompanyCardFields cardFields) {
    this.cardFields = cardFields;
    this.listViews = listViews;
    this.extras = extras;
    this.bulkBar = bulkBar;
    this.companies = companies;
    this.contacts = contacts;
    this.deals = deals;
    this.timeline = timeline;
  }

  @GetMapping("/companies")
  String list(
      @RequestParam Map<String, String> params,
      @RequestParam(required = false) List<String> cols,
      Model model) {
    ListViews.State state = listViews.read(model, ListKind.COMPANIES, params, cols);
    CompanyFilter filter = new CompanyFilter(null, null, null, state.filter("q"), state.custom());
    model.addAttribute(
        "companies", listViews.page(model, state, page -> companies.list(filter, page)));
    bulkBar.addTo(model, "companies");
    return LIST_VIEW;
  }

  @GetMapping("/companies/{id}")
  String card(@PathVariable long id, Model model) {
    CompanyView company = companies.get(id);
    model.addAttribute("company", company);
    model.addAttribute(
        "contacts",
        contacts
            .list(
                new ContactFilter(null, id, null, null),
                new ListRequest("-id", RELATED_ON_CARD, null))
            .items());
    model.addAttribute(
        "deals",
        deals
            .list(
                new DealFilter(null, null, null, id, null, null, null, null, null, null, null),
                new ListRequest("-id", RELATED_ON_CARD, null))
            .items());
    model.addAttribute("timeline", timeline.of(ItemType.COMPANY, id));
    cardFields.addTo(model, company);
    extras.addTo(model, CustomizableEntity.COMPANY, id, company.customFields());
    return CARD_VIEW;
  }
}
