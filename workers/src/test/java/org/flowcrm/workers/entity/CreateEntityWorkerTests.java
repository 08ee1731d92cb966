package org.flowcrm.workers.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.lead.ConversionResult;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.lead.StatusSemantic;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.junit.jupiter.api.Test;

class CreateEntityWorkerTests {

  private final LeadService leads = mock(LeadService.class);
  private final ContactService contacts = mock(ContactService.class);
  private final ProcessPositions positions = mock(ProcessPositions.class);
  private final QuoteService quotes = mock(QuoteService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final DealService deals = mock(DealService.class);
  private final CreateEntityWorker worker =
      new CreateEntityWorker(leads, contacts, deals, quotes, invoices, positions);

  private LeadView lead(StatusSemantic semantic) {
    LeadView lead = mock(LeadView.class);
    when(lead.statusSemantic()).thenReturn(semantic);
    when(lead.companyName()).thenReturn("Nordwind GmbH");
    when(lead.emails()).thenReturn(List.of(new Email(EmailType.WORK, "anna@nordwind.example")));
    when(lead.convertedDealId()).thenReturn(30L);
    when(lead.convertedContactId()).thenReturn(10L);
    when(lead.convertedCompanyId()).thenReturn(20L);
    return lead;
  }

  private static CreateEntityWorker.Input convert() {
    return new CreateEntityWorker.Input("CONVERT_LEAD", "LEAD", 7L);
  }

  @Test
  void convertsALead() {
    LeadView open = lead(StatusSemantic.OPEN);
    when(leads.get(7L)).thenReturn(open);
    when(contacts.findDuplicates(List.of("anna@nordwind.example"), List.of()))
        .thenReturn(List.of());
    when(leads.convert(eq(7L), any(), eq(null)))
        .thenReturn(new ConversionResult(7L, 10L, 20L, 30L));

    ActivatedJob job = mock(ActivatedJob.class);
    assertThat(worker.createEntity(convert(), job))
        .isEqualTo(Map.of("dealId", 30L, "contactId", 10L, "companyId", 20L));
    verify(positions).at(job, "LEAD", 7L);
  }

  @Test
  void convertingAConvertedLeadReturnsItsLinks() {
    LeadView converted = lead(StatusSemantic.CONVERTED);
    when(leads.get(7L)).thenReturn(converted);

    assertThat(worker.createEntity(convert()))
        .isEqualTo(Map.of("dealId", 30L, "contactId", 10L, "companyId", 20L));
    verify(leads, never()).convert(anyLong(), any(), any());
  }

  @Test
  void duplicateContactIsABpmnError() {
    LeadView open = lead(StatusSemantic.OPEN);
    when(leads.get(7L)).thenReturn(open);
    when(contacts.findDuplicates(List.of("anna@nordwind.example"), List.of()))
        .thenReturn(List.of(mock(ContactView.class)));

    assertThatThrownBy(() -> worker.createEntity(convert()))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(JobTypes.Errors.LEAD_DUPLICATE));
    verify(leads, never()).convert(anyLong(), any(), any());
  }

  private static QuoteView quote(long id, String number) {
    QuoteView q = mock(QuoteView.class);
    when(q.id()).thenReturn(id);
    when(q.number()).thenReturn(number);
    return q;
  }

  @Test
  void createsAQuoteWhenTheDealHasNoDraft() {
    when(quotes.list(any(), any())).thenReturn(new CursorPage<>(List.of(), null));
    QuoteView created = quote(5L, "Q-000005");
    when(quotes.createFromDeal(9L)).thenReturn(created);

    assertThat(worker.createEntity(new CreateEntityWorker.Input("QUOTE", "DEAL", 9L)))
        .isEqualTo(Map.of("quoteId", 5L, "quoteNumber", "Q-000005"));
  }

  @Test
  void aRevisedOfferGrantsTheAgreedDiscountOnTheDealBeforeTheQuoteIsBuilt() {
    when(quotes.list(any(), any())).thenReturn(new CursorPage<>(List.of(), null));
    QuoteView created = quote(6L, "Q-000006");
    when(quotes.createFromDeal(9L)).thenReturn(created);

    worker.createEntity(new CreateEntityWorker.Input("QUOTE", "DEAL", 9L, new BigDecimal("5")));

    var order = org.mockito.Mockito.inOrder(deals, quotes);
    order.verify(deals).grantDiscount(9L, new BigDecimal("5"));
    order.verify(quotes).createFromDeal(9L);
  }

  @Test
  void noDiscountAgreedLeavesTheDealAlone() {
    when(quotes.list(any(), any())).thenReturn(new CursorPage<>(List.of(), null));
    QuoteView created = quote(5L, "Q-000005");
    when(quotes.createFromDeal(9L)).thenReturn(created);

    worker.createEntity(new CreateEntityWorker.Input("QUOTE", "DEAL", 9L, BigDecimal.ZERO));

    verify(deals, never()).grantDiscount(anyLong(), any());
  }

  @Test
  void secondQuoteDeliveryReusesTheDraft() {
    QuoteView older = quote(4L, "Q-000004");
    QuoteView draft = quote(5L, "Q-000005");
    when(quotes.list(any(), any())).thenReturn(new CursorPage<>(List.of(older, draft), null));

    assertThat(worker.createEntity(new CreateEntityWorker.Input("QUOTE", "DEAL", 9L)))
        .isEqualTo(Map.of("quoteId", 5L, "quoteNumber", "Q-000005"));
    verify(quotes, never()).createFromDeal(anyLong());
  }

  @Test
  void createsAnInvoiceAndReusesItsDraft() {
    InvoiceView invoice = mock(InvoiceView.class);
    when(invoice.id()).thenReturn(8L);
    when(invoice.number()).thenReturn("INV-000008");
    when(invoices.list(any(), any()))
        .thenReturn(new CursorPage<>(List.of(), null))
        .thenReturn(new CursorPage<>(List.of(invoice), null));
    when(invoices.createFromDeal(9L)).thenReturn(invoice);
    CreateEntityWorker.Input in = new CreateEntityWorker.Input("INVOICE", "DEAL", 9L);

    Map<String, Object> first = worker.createEntity(in);
    Map<String, Object> second = worker.createEntity(in);

    assertThat(first).isEqualTo(Map.of("invoiceId", 8L, "invoiceNumber", "INV-000008"));
    assertThat(second).isEqualTo(first);
    verify(invoices, org.mockito.Mockito.times(1)).createFromDeal(9L);
  }

  @Test
  void failingServiceFailsTheJob() {
    when(quotes.list(any(), any())).thenReturn(new CursorPage<>(List.of(), null));
    when(quotes.createFromDeal(9L)).thenThrow(new IllegalStateException("database down"));
    assertThatThrownBy(() -> worker.createEntity(new CreateEntityWorker.Input("QUOTE", "DEAL", 9L)))
        .isInstanceOf(IllegalStateException.class);
  }
}
