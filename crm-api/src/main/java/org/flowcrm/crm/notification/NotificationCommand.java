package org.flowcrm.crm.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.flowcrm.crm.link.ItemLink;

/**
 * A notification to send: to whom, what it says, which record it opens ({@code item}, optional) and
 * an optional {@code dedupeKey} (e.g. the job key) under which it is created at most once.
 */
public record NotificationCommand(
    @NotNull Long recipientId,
    @NotBlank @Size(max = 255) String title,
    @Size(max = 2000) String body,
    @Valid ItemLink item,
    @Size(max = 200) String dedupeKey) {}
