package org.flowcrm.crm.listview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A saved view as the API and the pages show it. */
public record ListView(
    long id,
    long version,
    ListKind list,
    String name,
    long ownerId,
    boolean shared,
    Map<String, String> filters,
    String sort,
    List<String> columns,
    Instant createdAt,
    Instant updatedAt) {}
