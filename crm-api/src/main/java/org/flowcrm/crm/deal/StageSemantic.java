package org.flowcrm.crm.deal;

/** What reaching a stage means: still open, or closed as won or lost. */
public enum StageSemantic {
  OPEN,
  WON,
  LOST;

  public boolean isFinal() {
    return this != OPEN;
  }
}
