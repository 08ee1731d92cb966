package org.flowcrm.crm.listview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A view to save: which list, its name, the filter fields and values ({@code {"q": "nordwind",
 * "status": "NEW"}}), the sort, the visible columns, and whether everybody sees it (administrators
 * only).
 */
public record ListViewCommand(
    @NotNull ListKind list,
    @NotBlank @Size(max = 100) String name,
    @Size(max = 10) Map<String, @Size(max = 200) String> filters,
    @Size(max = 40) String sort,
    @NotEmpty @Size(max = 20) List<@NotBlank String> columns,
    Boolean shared) {}
