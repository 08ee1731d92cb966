package org.flowcrm.workers.entity;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.lead.ConversionCommand;
import org.flowcrm.crm.lead.ConversionResult;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.lead.StatusSemantic;
import org.flowcrm.crm.quote.QuoteFilter;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteStatus;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.springframework.stereotype.Component;

/**
 * {@link JobTypes#CREATE_ENTITY}: converts a lead, or creates a quote or an invoice from a deal.
 *
 * <ul>
 *   <li>{@code CONVERT_LEAD}: a lead whose e-mail or phone already belongs to a contact throws the
 *       BPMN error {@link JobTypes.Errors#LEAD_DUPLICATE}. Otherwise {@code LeadService.convert}
 *       creates contact, deal and (when the lead names one) company. Idempotent by lead: an already
 *       converted lead returns its existing links.
 *   <li>{@code QUOTE} / {@code INVOICE}: idempotent by deal + status DRAFT. The services keep no
 *       job key or process step on a document, so the worker reuses the deal's newest DRAFT
 *       document and creates one only when there is none. A document leaves DRAFT when it is sent
 *       (the following {@code crm.send-mail} step), so a revised offer gets a new quote. An
 *       optional {@code discountPercent} (agreed in negotiation) is first granted on the deal's
 *       rows ({@link DealService#grantDiscount}), so this document and every later one carry it.
 * </ul>
 */
@Component
public class CreateEntityWorker {

  /** The job's input variables. */
  public record Input(String create, String entityType, Long entityId, BigDecimal discountPercent) {

    public Input(String create, String entityType, Long entityId) {
      this(create, entityType, entityId, null);
    }
  }

  private final ProcessPositions positions;
  private final LeadService leads;
  private final ContactService contacts;
  private final DealService deals;
  private final QuoteService quotes;
  private final InvoiceService invoices;

  public CreateEntityWorker(
      LeadService leads,
      ContactService contacts,
      DealService deals,
      QuoteService quotes,
      InvoiceService invoices,
      ProcessPositions positions) {
    this.positions = positions;
    this.leads = leads;
    this.contacts = contacts;
    this.deals = deals;
    this.quotes = quotes;
    this.invoices = invoices;
  }

  /** Records where the process is on the lead or deal, then creates the entities. */
  @JobWorker(type = JobTypes.CREATE_ENTITY)
  public Map<String, Object> createEntity(@VariablesAsType Input in, ActivatedJob job) {
    positions.at(job, in.entityType(), in.entityId());
    return createEntity(in);
  }

  public Map<String, Object> createEntity(Input in) {
    return switch (in.create()) {
      case JobTypes.Values.CONVERT_LEAD -> convert(in.entityId());
      case JobTypes.Values.QUOTE -> {
        grantAgreedDiscount(in);
        yield quote(in.entityId());
      }
      case JobTypes.Values.INVOICE -> {
        grantAgreedDiscount(in);
        yield invoice(in.entityId());
      }
      default ->
          throw new IllegalArgumentException("crm.create-entity: unknown create " + in.create());
    };
  }

  private void grantAgreedDiscount(Input in) {
    if (in.discountPercent() != null && in.discountPercent().signum() > 0) {
      deals.grantDiscount(in.entityId(), in.discountPercent());
    }
  }

  private Map<String, Object> convert(long leadId) {
    LeadView lead = leads.get(leadId);
    if (lead.statusSemantic() == StatusSemantic.CONVERTED) {
      return links(lead.convertedDealId(), lead.convertedContactId(), lead.convertedCompanyId());
    }
    List<String> emails = lead.emails().stream().map(Email::value).toList();
    List<String> phones = lead.phones().stream().map(Phone::value).toList();
    if ((!emails.isEmpty() || !phones.isEmpty())
        && !contacts.findDuplicates(emails, phones).isEmpty()) {
      throw CamundaError.bpmnError(
          JobTypes.Errors.LEAD_DUPLICATE,
          "Lead " + leadId + ": a contact with its e-mail or phone already exists");
    }
    boolean company = lead.companyName() != null && !lead.companyName().isBlank();
    ConversionResult result;
    try {
      result =
          leads.convert(
              leadId, new ConversionCommand(true, company, true, null, null, null, null), null);
    } catch (ConflictException e) {
      // converted concurrently (a second delivery of this job): answer with its links
      LeadView now = leads.get(leadId);
      if (now.statusSemantic() != StatusSemantic.CONVERTED) {
        throw e;
      }
      return links(now.convertedDealId(), now.convertedContactId(), now.convertedCompanyId());
    }
    return links(result.dealId(), result.contactId(), result.companyId());
  }

  private static Map<String, Object> links(Long dealId, Long contactId, Long companyId) {
    // Map.of refuses nulls; a lead without a company has no companyId
    Map<String, Object> out = new HashMap<>();
    out.put(JobTypes.Variables.DEAL_ID, dealId);
    out.put(JobTypes.Variables.CONTACT_ID, contactId);
    out.put(JobTypes.Variables.COMPANY_ID, companyId);
    return out;
  }

  private Map<String, Object> quote(long dealId) {
    Optional<QuoteView> draft =
        quotes
            .list(
                new QuoteFilter(QuoteStatus.DRAFT, dealId, null, null),
                ListRequest.first(ListRequest.MAX_LIMIT))
            .items()
            .stream()
            .max(Comparator.comparingLong(QuoteView::id));
    QuoteView quote = draft.orElseGet(() -> quotes.createFromDeal(dealId));
    return Map.of(
        JobTypes.Variables.QUOTE_ID, quote.id(), JobTypes.Variables.QUOTE_NUMBER, quote.number());
  }

  private Map<String, Object> invoice(long dealId) {
    Optional<InvoiceView> draft =
        invoices
            .list(
                new InvoiceFilter(InvoiceStatus.DRAFT, dealId, null, null, null),
                ListRequest.first(ListRequest.MAX_LIMIT))
            .items()
            .stream()
            .max(Comparator.comparingLong(InvoiceView::id));
    InvoiceView invoice = draft.orElseGet(() -> invoices.createFromDeal(dealId));
    return Map.of(
        JobTypes.Variables.INVOICE_ID,
        invoice.id(),
        JobTypes.Variables.INVOICE_NUMBER,
        invoice.number());
  }
}
