package org.flowcrm.crm.link;

import java.util.List;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks that linked CRM items exist. */
@Service
@Transactional(readOnly = true)
public class LinkService {

  private final LeadService leads;
  private final ContactService contacts;
  private final CompanyService companies;
  private final DealService deals;
  private final QuoteService quotes;
  private final InvoiceService invoices;

  LinkService(
      LeadService leads,
      ContactService contacts,
      CompanyService companies,
      DealService deals,
      QuoteService quotes,
      InvoiceService invoices) {
    this.leads = leads;
    this.contacts = contacts;
    this.companies = companies;
    this.deals = deals;
    this.quotes = quotes;
    this.invoices = invoices;
  }

  /** Refuses (422, naming {@code field[i]}) a link to an item that does not exist. */
  public void requireExisting(List<ItemLink> links, String field) {
    for (int i = 0; i < links.size(); i++) {
      ItemLink link = links.get(i);
      try {
        switch (link.type()) {
          case LEAD -> leads.get(link.id());
          case CONTACT -> contacts.requireExisting(List.of(link.id()), field);
          case COMPANY -> companies.requireExisting(List.of(link.id()), field);
          case DEAL -> deals.get(link.id());
          case QUOTE -> quotes.get(link.id());
          case INVOICE -> invoices.get(link.id());
        }
      } catch (NotFoundException | InvalidFieldException e) {
        throw new InvalidFieldException(
            field + "[" + i + "]",
            link.type().name().toLowerCase() + " " + link.id() + " does not exist");
      }
    }
  }
}
