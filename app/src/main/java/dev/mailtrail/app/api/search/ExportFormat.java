package dev.mailtrail.app.api.search;

import dev.mailtrail.app.cmdlet.SearchFormat;

/** The shapes the API streams results in, each the command line's {@code -Format} of the same name. */
public enum ExportFormat {
    /** AuditData JSON, one record a line, as stored. */
    JSON_LINES(SearchFormat.JSONL, "application/jsonl"),
    /** The Purview audit search export (UTF-8 with a byte order mark, CRLF). */
    PURVIEW_CSV(SearchFormat.PURVIEWCSV, "text/csv; charset=utf-8"),
    /** {@code … | ConvertTo-Json}: one array of the result objects (the mailbox log's entries for that log). */
    CONVERT_TO_JSON(SearchFormat.JSON, "application/json"),
    /** {@code … | Export-Csv} (the mailbox log's entries for that log). */
    EXPORT_CSV(SearchFormat.CSV, "text/csv; charset=utf-8");

    private final SearchFormat format;
    private final String contentType;

    ExportFormat(SearchFormat format, String contentType) {
        this.format = format;
        this.contentType = contentType;
    }

    SearchFormat searchFormat() {
        return format;
    }

    /** The media type an HTTP response of this format carries. */
    public String contentType() {
        return contentType;
    }
}
