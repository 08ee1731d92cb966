package org.flowcrm.crm.merge;

import jakarta.validation.constraints.NotNull;

/**
 * Which record to merge into the one addressed, and the versions the caller saw of both (so that a
 * merge never swallows a change he has not seen). {@code duplicateType}, when given, must be the
 * kind of the kept record: records of different kinds are never merged.
 */
public record MergeCommand(
    @NotNull Long duplicateId,
    @NotNull Long version,
    @NotNull Long duplicateVersion,
    String duplicateType) {}
