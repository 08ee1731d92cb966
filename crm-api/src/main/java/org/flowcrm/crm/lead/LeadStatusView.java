package org.flowcrm.crm.lead;

/** One entry of the lead status list. */
public record LeadStatusView(String code, String name, StatusSemantic semantic, int sortOrder) {

  static LeadStatusView of(LeadStatus s) {
    return new LeadStatusView(s.getCode(), s.getName(), s.getSemantic(), s.getSortOrder());
  }
}
