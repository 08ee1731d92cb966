package org.flowcrm.crm.company;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One typed address of a company. */
@Embeddable
public record CompanyAddress(
    @NotNull @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "type")
        AddressType type,
    @Size(max = 255) @Column(name = "street") String street,
    @Size(max = 120) @Column(name = "city") String city,
    @Size(max = 120) @Column(name = "region") String region,
    @Size(max = 20) @Column(name = "postal_code") String postalCode,
    @Size(max = 2) @Column(name = "country") String country) {}
