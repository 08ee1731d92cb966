package org.flowcrm.crm.importing;

import java.time.Instant;

/** An import job as callers see it: what, how far, with what result. */
public record ImportView(
    long id,
    ImportEntityType entityType,
    ImportFormat format,
    String fileName,
    long fileSize,
    ImportStatus status,
    int total,
    int processed,
    int created,
    int updated,
    int skipped,
    int failed,
    String error,
    ImportSettings settings,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Instant revertedAt) {}
