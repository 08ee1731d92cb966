package org.flowcrm.crm.shared;

import java.util.List;

/**
 * The records of a bulk selection split by what the caller may do with each: {@code permitted} ones
 * he may change, {@code refused} ones he may not (or may not even see, when picked by id), both in
 * id order. For bulk work another feature does per record, e.g. starting a task.
 */
public record BulkSelection(List<Long> permitted, List<Long> refused) {

  public BulkSelection {
    permitted = List.copyOf(permitted);
    refused = List.copyOf(refused);
  }
}
