package org.flowcrm.crm.shared;

/** One invalid field in a problem detail's {@code errors} list: where and why. */
public record FieldProblem(String field, String message) {}
