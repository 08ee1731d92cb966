package org.flowcrm.crm.product;

import java.util.List;

/** A catalog section with its sub-sections. */
public record SectionView(
    long id, long version, String name, Long parentId, int sortOrder, List<SectionView> children) {}
