package org.flowcrm.crm.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A typed phone number as the user wrote it. */
@Embeddable
public record Phone(
    @NotNull @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "type")
        PhoneType type,
    @NotBlank
        @Size(max = 40)
        @Pattern(
            regexp = "\\+?[0-9 ()./\\-]{3,40}",
            message = "must be a phone number: digits, spaces, + ( ) . / -")
        @Column(name = "phone")
        String value) {}
