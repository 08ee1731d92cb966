package org.flowcrm.crm.webform;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One input of a form: what it fills, its label and whether it must be filled. It fills either a
 * lead field ({@code field}) or a lead custom field ({@code customField}, written {@code
 * cf.<code>}), never both.
 */
public record FormField(
    LeadField field,
    @Schema(
            description =
                "Instead of field: cf.<code> of a lead custom field (give one of the two)",
            example = "cf.budget")
        @Size(max = 70)
        @Pattern(
            regexp = "cf\\.[a-z][a-zA-Z0-9_]*",
            message = "must be cf. followed by a lead custom field's code, e.g. cf.budget")
        String customField,
    @NotBlank @Size(max = 100) String label,
    boolean required) {

  static final String CUSTOM_PREFIX = "cf.";

  /** An input filling a lead field. */
  public FormField(LeadField field, String label, boolean required) {
    this(field, null, label, required);
  }

  /** The input's name in the public form: {@code first_name}, or {@code cf.budget}. */
  public String param() {
    return field != null ? field.param() : customField;
  }

  /** The custom field's code ({@code budget} for {@code cf.budget}), or null. */
  public String customFieldCode() {
    return customField == null ? null : customField.substring(CUSTOM_PREFIX.length());
  }
}
