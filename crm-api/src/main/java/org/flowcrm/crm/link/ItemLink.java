package org.flowcrm.crm.link;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A link to one CRM item, e.g. {@code {"type": "DEAL", "id": 42}}. */
@Embeddable
public record ItemLink(
    @NotNull
        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.VARCHAR)
        @Column(name = "item_type")
        ItemType type,
    @NotNull @Column(name = "item_id") Long id) {}
