package org.flowcrm.crm.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Creates or changes a department: its name, parent department and head. */
public record DepartmentCommand(
    @NotBlank @Size(max = 200) String name, Long parentId, Long headUserId) {}
