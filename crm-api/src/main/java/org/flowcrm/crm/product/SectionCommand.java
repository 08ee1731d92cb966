package org.flowcrm.crm.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Creates, renames or moves a catalog section; no parent puts it at the top level. */
public record SectionCommand(
    @NotBlank @Size(max = 150) String name, Long parentId, Integer sortOrder) {}
