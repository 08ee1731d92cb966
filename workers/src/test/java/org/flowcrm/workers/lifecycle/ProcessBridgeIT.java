package org.flowcrm.workers.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.flowcrm.WorkersTestApplication;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView.StageView;
import org.flowcrm.crm.invoice.InvoiceCommand;
import org.flowcrm.crm.invoice.InvoicePaid;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.process.ProcessLink;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.processes.ProcessIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The bridge through the real Camunda client, the embedded engine and MariaDB: CRM events start and
 * signal processes, and leads and deals show the process that drives them. Deal execution is a
 * small stand-in model with the same process id (see {@code bpmn-test/deal-execution.bpmn}).
 */
@SpringBootTest(classes = WorkersTestApplication.class)
class ProcessBridgeIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired CamundaClient client;
  @Autowired LeadService leads;
  @Autowired DealService deals;
  @Autowired PipelineService pipelines;
  @Autowired InvoiceService invoices;
  @Autowired InvoicePaidPublisher invoicePaid;

  @Autowired UserDetailsService users;

  /**
   * The test acts as a signed-in manager (the administrator); the workers act as the system user.
   */
  @BeforeEach
  void signIn() {
    UserDetails admin = users.loadUserByUsername("admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @BeforeEach
  void deploy() {
    // Unchanged models keep their version, so deploying before every test is cheap.
    for (String model :
        List.of(
            ProcessIds.resource(ProcessIds.LEAD_PROCESSING),
            "bpmn-test/deal-execution.bpmn",
            "bpmn-test/test-conversion.bpmn",
            "bpmn-test/test-payment.bpmn")) {
      client.newDeployResourceCommand().addResourceFromClasspath(model).send().join();
    }
  }

  @Test
  void aNewLeadStartsLeadProcessingAndShowsWhereItIs() {
    LeadView lead = leads.create(lead("Web form inquiry " + Instant.now()));

    LeadView assigned =
        await(
            () -> leads.get(lead.id()),
            l -> l.process() != null && l.process().elementId() != null);

    // every worker records where the process is; by now it may be past assigning
    ProcessLink process = assigned.process();
    assertThat(process.processId()).isEqualTo(ProcessIds.LEAD_PROCESSING);
    assertThat(process.elementId()).isIn("assign-responsible", "notify-responsible");
    assertThat(process.elementName()).isNotBlank();
    assertThat(process.since()).isNotNull();
    ProcessInstance instance =
        client.newProcessInstanceGetRequest(process.instanceKey()).send().join();
    assertThat(instance.getProcessDefinitionId()).isEqualTo(ProcessIds.LEAD_PROCESSING);
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    // The assign worker ran for this lead: the process really drives it.
    assertThat(await(() -> leads.get(lead.id()), l -> l.responsibleId() != null).responsibleId())
        .isNotNull();
  }

  @Test
  void aPaidInvoiceCorrelatesToTheInstanceWaitingForIt() {
    InvoiceView invoice = invoice("Order " + Instant.now());
    long waiting = startPayment(invoice.number());

    invoices.changeStatus(invoice.id(), InvoiceStatus.PAID, null);

    assertThat(await(() -> state(waiting), ProcessInstanceState.COMPLETED::equals))
        .isEqualTo(ProcessInstanceState.COMPLETED);
    // A retry of the same publication is a duplicate for the engine, not a second payment.
    invoicePaid.publish(
        new InvoicePaid(
            invoice.id(), invoice.number(), null, BigDecimal.TEN, "EUR", Instant.now()));
  }

  @Test
  void aPaymentRegisteredBeforeTheProcessWaitsStillCounts() {
    InvoiceView invoice = invoice("Prepaid " + Instant.now());
    InvoiceView paid = invoices.changeStatus(invoice.id(), InvoiceStatus.PAID, null);
    // Whichever of this call and the listener's publishes first, the message is buffered now.
    invoicePaid.publish(new InvoicePaid(paid.id(), paid.number(), null, null, null, paid.paidAt()));

    long waiting = startPayment(invoice.number());

    assertThat(await(() -> state(waiting), ProcessInstanceState.COMPLETED::equals))
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void conversionStartsDealExecutionOnceAndTheProcessDecidesManagersMoves() {
    // created without a process of its own: the conversion's step starts it
    DealView deal = deals.createImported(DealCommand.titled("Converted " + Instant.now()));
    long first = startConversion(deal.id());
    DealView started =
        await(
            () -> deals.get(deal.id()),
            d -> d.process() != null && "FIRST_CALL".equals(d.stageCode()));
    long instanceKey = started.process().instanceKey();
    assertThat(started.process().processId()).isEqualTo(ProcessIds.DEAL_EXECUTION);
    assertThat(await(() -> state(first), ProcessInstanceState.COMPLETED::equals))
        .isEqualTo(ProcessInstanceState.COMPLETED);

    // A second delivery (here: a second conversion job for the same deal) starts nothing new.
    long second = startConversion(deal.id());
    assertThat(await(() -> state(second), ProcessInstanceState.COMPLETED::equals))
        .isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(deals.get(deal.id()).process().instanceKey()).isEqualTo(instanceKey);

    // The process waits in "First call" for a move to OFFER only.
    await(() -> deals.get(deal.id()), d -> "enter-first-call".equals(d.process().elementId()));
    assertThatThrownBy(() -> deals.moveToStage(deal.id(), stage("NEGOTIATION"), null))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the process does not allow moving this deal to Negotiation now");
    assertThat(deals.get(deal.id()).stageCode()).isEqualTo("FIRST_CALL");

    assertThat(deals.moveToStage(deal.id(), stage("OFFER"), null).stageCode()).isEqualTo("OFFER");
    DealView offered =
        await(() -> deals.get(deal.id()), d -> "enter-offer".equals(d.process().elementId()));
    assertThat(offered.process().instanceKey()).isEqualTo(instanceKey);
    assertThat(offered.stageCode()).isEqualTo("OFFER");
    assertThat(state(instanceKey)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void aDealWithoutAProcessMovesAsThePlainCrmUpdate() {
    DealView deal = deals.createImported(DealCommand.titled("Walk-in " + Instant.now()));
    assertThat(deal.process()).isNull();
    assertThat(deals.moveToStage(deal.id(), stage("NEGOTIATION"), null).stageCode())
        .isEqualTo("NEGOTIATION");
  }

  private long startPayment(String invoiceNumber) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("test-payment")
        .latestVersion()
        .variables(Map.of("invoiceNumber", invoiceNumber))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private long startConversion(long dealId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dealId", dealId);
    variables.put("responsibleUser", "admin");
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("test-conversion")
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private ProcessInstanceState state(long processInstanceKey) {
    return client.newProcessInstanceGetRequest(processInstanceKey).send().join().getState();
  }

  private long stage(String code) {
    return pipelines.defaultPipeline().stages().stream()
        .filter(s -> s.code().equals(code))
        .map(StageView::id)
        .findFirst()
        .orElseThrow();
  }

  private InvoiceView invoice(String title) {
    return invoices.create(
        new InvoiceCommand(
            title,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new ProductRow(
                    null, "Consulting", BigDecimal.ONE, new BigDecimal("100.00"), null, null))));
  }

  private static LeadCommand lead(String title) {
    return new LeadCommand(
        title, "Anna", "Berg", null, null, null, LeadSource.WEB_FORM, null, null, null, null, null);
  }

  /** Polls {@code read} until {@code done} holds (the bridge works asynchronously). */
  private static <T> T await(Supplier<T> read, Predicate<T> done) {
    Instant deadline = Instant.now().plus(WAIT);
    T value = read.get();
    while (!done.test(value)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not reached within " + WAIT + "; last value: " + value);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      value = read.get();
    }
    return value;
  }
}
