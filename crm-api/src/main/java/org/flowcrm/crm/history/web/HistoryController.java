package org.flowcrm.crm.history.web;

import jakarta.servlet.http.HttpServletRequest;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.history.FieldChangeView;
import org.flowcrm.crm.history.HistoryService;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ListRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The change history next to each record. Whoever may open the record may read its history: the
 * feature's own {@code get} makes the check (404/403 exactly as opening the record would).
 */
@RestController
class HistoryController {

  private final LeadService leads;
  private final ContactService contacts;
  private final CompanyService companies;
  private final DealService deals;
  private final ProductService products;
  private final HistoryService history;

  HistoryController(
      LeadService leads,
      ContactService contacts,
      CompanyService companies,
      DealService deals,
      ProductService products,
      HistoryService history) {
    this.leads = leads;
    this.contacts = contacts;
    this.companies = companies;
    this.deals = deals;
    this.products = products;
    this.history = history;
  }

  @GetMapping({
    "/api/v1/leads/{id}/history",
    "/api/v1/contacts/{id}/history",
    "/api/v1/companies/{id}/history",
    "/api/v1/deals/{id}/history",
    "/api/v1/products/{id}/history"
  })
  CursorPage<FieldChangeView> history(
      @PathVariable long id, @ModelAttribute ListRequest page, HttpServletRequest request) {
    // the mapping that matched, e.g. /api/v1/deals/{id}/history: independent of a context path
    String pattern =
        String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
    String collection = pattern.split("/")[3];
    String type =
        switch (collection) {
          case "leads" -> {
            leads.get(id);
            yield "LEAD";
          }
          case "contacts" -> {
            contacts.get(id);
            yield "CONTACT";
          }
          case "companies" -> {
            companies.get(id);
            yield "COMPANY";
          }
          case "deals" -> {
            deals.get(id);
            yield "DEAL";
          }
          case "products" -> {
            products.get(id);
            yield "PRODUCT";
          }
          default -> throw new IllegalStateException("no history for " + collection);
        };
    return history.changes(type, id, page);
  }
}
