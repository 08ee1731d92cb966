package org.flowcrm.crm.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;

/** A postal address; every part is optional. */
@Embeddable
public record Address(
    @Size(max = 255) @Column(name = "street") String street,
    @Size(max = 120) @Column(name = "city") String city,
    @Size(max = 120) @Column(name = "region") String region,
    @Size(max = 20) @Column(name = "postal_code") String postalCode,
    @Size(max = 2) @Column(name = "country") String country) {}
