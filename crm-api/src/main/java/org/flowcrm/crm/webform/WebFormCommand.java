package org.flowcrm.crm.webform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an administrator defines. {@code redirectUrl} (http/https) wins over {@code thankYouMessage}
 * after a submission; {@code active=false} closes the form to the public. {@code target} (LEAD when
 * left out) is what a submission creates; {@code pipelineId} is the deal's pipeline for {@code
 * CONTACT_AND_DEAL} (the default pipeline when left out). The responsible is {@code responsibleId}
 * (a fixed user), or {@code assignmentRuleId} (the process applies that rule's target), or neither
 * (round robin after the ordered assignment rules, the processes' default). {@code
 * holdSuspectedSpam} keeps suspected submissions for review instead of creating anything.
 */
public record WebFormCommand(
    @NotBlank @Size(max = 255) String name,
    @Size(max = 255) String heading,
    @NotEmpty @Size(max = 20) List<@Valid @NotNull FormField> fields,
    @Size(max = 2000) String consentText,
    @Size(max = 60) String buttonText,
    @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1a73e8")
        String buttonColor,
    Long responsibleId,
    @Size(max = 2000) String thankYouMessage,
    @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an http:// or https:// address")
        String redirectUrl,
    Boolean active,
    WebFormTarget target,
    Long pipelineId,
    Long assignmentRuleId,
    Boolean holdSuspectedSpam) {

  /** The target, LEAD when left out. */
  public WebFormTarget targetOrLead() {
    return target == null ? WebFormTarget.LEAD : target;
  }
}
