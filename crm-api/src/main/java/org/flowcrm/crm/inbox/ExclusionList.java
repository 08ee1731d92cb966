package org.flowcrm.crm.inbox;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The exclusion list: {@code patterns} are kept by administrators (addresses or domains); {@code
 * configured} come from {@code flowcrm.mail.inbound.exclusions} and are read-only here.
 */
public record ExclusionList(
    @NotNull @Size(max = 1000) List<@NotNull @Size(max = 254) String> patterns,
    List<String> configured) {}
