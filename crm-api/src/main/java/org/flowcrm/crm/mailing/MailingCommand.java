package org.flowcrm.crm.mailing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.flowcrm.crm.link.ItemType;
import tools.jackson.databind.JsonNode;

/**
 * Send template {@code template} (in {@code locale}, default the template's default) to contacts or
 * leads ({@code entityType} CONTACT or LEAD): either those picked in the list ({@code ids}) or
 * every one the list's {@code filter} matches for the caller (a contact or lead list filter, e.g.
 * {@code {"q": "smith"}}; {@code {}} for all he may read).
 */
public record MailingCommand(
    @NotNull ItemType entityType,
    @NotBlank @Size(max = 100) String template,
    @Size(max = 20) String locale,
    @Size(max = MailingCommand.MAX_IDS) List<@NotNull Long> ids,
    JsonNode filter) {

  public static final int MAX_IDS = 10_000;
}
