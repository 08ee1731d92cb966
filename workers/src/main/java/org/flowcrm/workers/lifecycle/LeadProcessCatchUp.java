package org.flowcrm.workers.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.processes.ProcessIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts {@link ProcessIds#LEAD_PROCESSING} for leads whose start was lost: created while the
 * engine was unreachable for longer than {@link LeadProcessStarter}'s retries (or while the
 * application stopped between the lead's commit and the start). Every {@code
 * flowcrm.processes.catch-up.interval} (default 30 s) it looks for open leads without a process,
 * older than {@code flowcrm.processes.catch-up.after} (default 2 min) and younger than {@code
 * flowcrm.processes.catch-up.within} (default 7 days, so an upgrade does not start processes for
 * old leads; never imported, junk or converted ones), claims each ({@link
 * ProcessLinkService#claimLeadStart}, so two application instances or the regular starter never
 * start one twice) and starts and records its instance. A start that fails leaves the claim, and
 * the lead is tried again once the claim is that old. {@code
 * flowcrm.processes.catch-up.enabled=false} switches it off; it is off by default where {@code
 * flowcrm.processes.start-lead-processing=false}.
 */
@Component
public class LeadProcessCatchUp extends LostStartCatchUp {

  private final LeadProcessStarter starter;
  private final ProcessLinkService links;

  public LeadProcessCatchUp(
      LeadProcessStarter starter,
      ProcessLinkService links,
      @Value("${flowcrm.processes.catch-up.after:PT2M}") Duration after,
      @Value("${flowcrm.processes.catch-up.within:P7D}") Duration within,
      @Value("${flowcrm.processes.catch-up.interval:PT30S}") Duration interval,
      // off where lead processing is off: those leads are meant to have no process
      @Value(
              "${flowcrm.processes.catch-up.enabled:${flowcrm.processes.start-lead-processing:true}}")
          boolean enabled) {
    super("lead", after, within, interval, enabled);
    this.starter = starter;
    this.links = links;
  }

  @Override
  List<Long> withoutProcess(
      Instant since, Instant createdBefore, Instant claimedBefore, int limit) {
    return links.leadsWithoutProcess(since, createdBefore, claimedBefore, limit);
  }

  @Override
  boolean claim(long leadId, Instant claimedBefore) {
    return links.claimLeadStart(leadId, claimedBefore);
  }

  @Override
  boolean startProcess(long leadId) {
    starter.record(leadId, starter.start(leadId));
    return true;
  }
}
