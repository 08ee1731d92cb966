package org.flowcrm.crm.lead;

/** Where a lead came from. */
public enum LeadSource {
  WEB_FORM,
  EMAIL,
  PHONE,
  IMPORT,
  API,
  ONLINE_STORE
}
