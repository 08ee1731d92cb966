package org.flowcrm.crm.customfield;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A custom field definition. {@code code} is the key of the value in the record's {@code
 * customFields} and in list filters ({@code customFields[code]=…}); it, the entity and the type
 * cannot change once the field exists. {@code options} are the choices of a {@code LIST} field.
 */
public record CustomFieldCommand(
    @NotNull CustomizableEntity entity,
    @NotBlank
        @Size(max = 40)
        @Pattern(
            regexp = "[a-z][a-zA-Z0-9_]*",
            message = "must start with a lower-case letter and contain only letters, digits and _")
        String code,
    @NotBlank @Size(max = 100) String label,
    @NotNull CustomFieldType type,
    Boolean required,
    @Size(max = 100) List<@NotBlank @Size(max = 100) String> options,
    Integer position) {

  public CustomFieldCommand {
    options = options == null ? List.of() : List.copyOf(options);
    required = required != null && required;
  }
}
