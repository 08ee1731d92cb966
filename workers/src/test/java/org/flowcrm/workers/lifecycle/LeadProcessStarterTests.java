package org.flowcrm.workers.lifecycle;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import org.flowcrm.crm.lead.LeadCreated;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.webform.WebFormService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeadProcessStarterTests {

  private final CamundaClient client = mock(CamundaClient.class);
  private final ProcessLinkService links = mock(ProcessLinkService.class);
  private final WebFormService webForms = mock(WebFormService.class);
  private final Retrying retrying = new Retrying(2, Duration.ofMillis(10));
  private final LeadCreated created =
      new LeadCreated(7L, LeadSource.WEB_FORM, "NEW", null, Instant.now());

  @AfterEach
  void stop() throws InterruptedException {
    retrying.destroy();
  }

  @Test
  void switchedOffItStartsNothing() throws Exception {
    new LeadProcessStarter(client, links, retrying, webForms, false).leadCreated(created);
    Thread.sleep(100);
    verifyNoInteractions(client, links);
  }

  @Test
  void anImportedLeadStartsNothing() throws Exception {
    LeadCreated imported = new LeadCreated(8L, LeadSource.IMPORT, "NEW", null, Instant.now());
    new LeadProcessStarter(client, links, retrying, webForms, true).leadCreated(imported);
    Thread.sleep(100);
    verifyNoInteractions(client, links);
  }

  @Test
  void aLeadThatAlreadyHasItsProcessIsNotStartedAgain() {
    // the claim is refused while the lead has a process (or another starter holds the claim)
    when(links.claimLeadStart(eq(7L), any())).thenReturn(false);
    new LeadProcessStarter(client, links, retrying, webForms, true).leadCreated(created);
    verify(links, timeout(2000)).claimLeadStart(eq(7L), any());
    verify(client, never()).newCreateInstanceCommand();
    verify(links, never()).record(any(), anyLong(), anyLong(), any(), any(), any());
  }
}
