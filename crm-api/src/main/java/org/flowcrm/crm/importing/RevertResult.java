package org.flowcrm.crm.importing;

import java.util.List;

/**
 * What a revert did: records deleted, records restored to their state before the import, and
 * records kept because something else refers to them now (with the reason).
 */
public record RevertResult(int deleted, int restored, List<String> kept) {}
