package org.flowcrm.crm.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A typed e-mail address. */
@Embeddable
public record Email(
    @NotNull @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "type")
        EmailType type,
    @NotBlank @Size(max = 254) @jakarta.validation.constraints.Email @Column(name = "email")
        String value) {}
