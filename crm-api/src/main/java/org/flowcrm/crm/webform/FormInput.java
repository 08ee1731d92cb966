package org.flowcrm.crm.webform;

import java.util.List;

/**
 * How the public form shows one of its fields: the input's {@code name}, label, whether it is
 * required, the HTML {@code type} ({@code text}, {@code email}, {@code tel}, {@code number}, {@code
 * date}, {@code checkbox}, {@code textarea} or {@code select}), the longest value it takes, the
 * choices of a {@code select} and a hint of the expected format (for money: "1250.50 EUR").
 */
public record FormInput(
    String name,
    String label,
    boolean required,
    String type,
    int maxLength,
    List<String> options,
    String placeholder) {}
