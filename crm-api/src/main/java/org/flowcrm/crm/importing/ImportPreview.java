package org.flowcrm.crm.importing;

import java.util.List;

/**
 * What the file looks like as read with the current settings: the header (or "column n" names), the
 * first rows, the fields each column can fill and the current mapping ({@code mappingRemembered}
 * when it comes from an earlier import of the same layout).
 */
public record ImportPreview(
    long id,
    ImportFormat format,
    String encoding,
    String separator,
    boolean hasHeader,
    List<String> columns,
    List<List<String>> rows,
    List<ImportField> availableFields,
    List<String> fields,
    boolean mappingRemembered) {}
