package org.flowcrm.crm.shared;

/**
 * A column a list may be sorted by. Only {@code NOT NULL} columns qualify, so that a keyset
 * comparison never meets a null.
 */
public record SortField(String name, String column, SortType type) {}
