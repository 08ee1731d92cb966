package org.flowcrm.crm.activity;

/** Who called whom. */
public enum CallDirection {
  INBOUND,
  OUTBOUND
}
