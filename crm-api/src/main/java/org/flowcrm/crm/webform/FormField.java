package org.flowcrm.crm.webform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One input of a form: the lead field it fills, its label and whether it must be filled. */
public record FormField(
    @NotNull LeadField field, @NotBlank @Size(max = 100) String label, boolean required) {}
