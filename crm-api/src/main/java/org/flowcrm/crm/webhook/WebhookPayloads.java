package org.flowcrm.crm.webhook;

import java.time.Instant;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a delivery's body: {@code {id, event, occurredAt, data, change?}} where {@code data} is
 * the record as the REST API shows it ({@code GET /api/v1/<kind>/{id}}), read as the system user
 * when the delivery is first sent, and {@code change} what the event itself carries (a stage
 * change's stages, a payment). A record deleted in the meantime is {@code {"id": …, "deleted":
 * true}}.
 */
@Component
class WebhookPayloads {

  private final SystemUser systemUser;
  private final JsonMapper json;
  private final LeadService leads;
  private final ContactService contacts;
  private final CompanyService companies;
  private final DealService deals;
  private final InvoiceService invoices;

  WebhookPayloads(
      SystemUser systemUser,
      JsonMapper json,
      LeadService leads,
      ContactService contacts,
      CompanyService companies,
      DealService deals,
      InvoiceService invoices) {
    this.systemUser = systemUser;
    this.json = json;
    this.leads = leads;
    this.contacts = contacts;
    this.companies = companies;
    this.deals = deals;
    this.invoices = invoices;
  }

  String body(
      String eventId,
      String event,
      Instant occurredAt,
      WebhookEvent.RecordType type,
      long recordId,
      String eventData) {
    ObjectNode body = json.createObjectNode();
    body.put("id", eventId);
    body.put("event", event);
    body.put("occurredAt", occurredAt.toString());
    body.set("data", data(type, recordId));
    if (eventData != null) {
      body.set("change", json.readTree(eventData));
    }
    return json.writeValueAsString(body);
  }

  private JsonNode data(WebhookEvent.RecordType type, long id) {
    try {
      Object view =
          systemUser.runAs(
              () ->
                  switch (type) {
                    case LEAD -> leads.get(id);
                    case CONTACT -> contacts.get(id);
                    case COMPANY -> companies.get(id);
                    case DEAL -> deals.get(id);
                    case INVOICE -> invoices.get(id);
                  });
      return json.valueToTree(view);
    } catch (NotFoundException deleted) {
      ObjectNode gone = json.createObjectNode();
      gone.put("id", id);
      gone.put("deleted", true);
      return gone;
    }
  }
}
