package org.flowcrm.ui.bulk;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.shared.BulkAction;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.layout.Allowed;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a list's action bar offers: the actions crm-api allows for the kind (in a fixed order), the
 * active users to assign to, and for leads the statuses, for deals the stages of every pipeline.
 * The list controllers put it into their model as {@code bulk}; {@code bulk/bar.ftlh} renders it.
 */
@Component
public class BulkBar {

  private static final List<BulkAction> ORDER =
      List.of(
          BulkAction.ASSIGN,
          BulkAction.CHANGE_STATUS,
          BulkAction.MOVE_STAGE,
          BulkAction.START_TASK,
          BulkAction.DELETE);

  private final UserService users;
  private final LeadService leads;
  private final PipelineService pipelines;

  BulkBar(UserService users, LeadService leads, PipelineService pipelines) {
    this.users = users;
    this.leads = leads;
    this.pipelines = pipelines;
  }

  private static Action needs(BulkAction action) {
    return action == BulkAction.DELETE ? Action.DELETE : Action.UPDATE;
  }

  /**
   * Adds the bar for {@code kind} ({@code leads}, {@code deals}, {@code contacts}, {@code
   * companies}) to the model. What the caller's roles allow comes from the request's {@link
   * Allowed} (the layout's; one query for the whole page), not a question per action.
   */
  public void addTo(Model model, String kind) {
    Set<BulkAction> offered =
        new HashSet<>(
            switch (kind) {
              case "leads" -> LeadService.BULK_ACTIONS;
              case "deals" -> DealService.BULK_ACTIONS;
              case "contacts" -> ContactService.BULK_ACTIONS;
              case "companies" -> CompanyService.BULK_ACTIONS;
              default -> throw new IllegalArgumentException("no bulk actions for " + kind);
            });
    offered.add(BulkAction.START_TASK); // every list: crm-api's BulkTaskService
    EntityType entity =
        switch (kind) {
          case "leads" -> EntityType.LEAD;
          case "deals" -> EntityType.DEAL;
          case "contacts" -> EntityType.CONTACT;
          default -> EntityType.COMPANY;
        };
    model.addAttribute("bulkKind", kind);
    // Only what the caller's roles allow on some records; the service still checks each record.
    Allowed allowed = (Allowed) model.getAttribute("allowed");
    model.addAttribute(
        "bulkActions",
        ORDER.stream()
            .filter(offered::contains)
            .filter(action -> allowed != null && allowed.to(entity.name(), needs(action).name()))
            .map(Enum::name)
            .toList());
    model.addAttribute("bulkUsers", users.list(true));
    model.addAttribute(
        "bulkStatuses", offered.contains(BulkAction.CHANGE_STATUS) ? leads.statuses() : List.of());
    model.addAttribute(
        "bulkPipelines", offered.contains(BulkAction.MOVE_STAGE) ? pipelines.list() : List.of());
  }
}
