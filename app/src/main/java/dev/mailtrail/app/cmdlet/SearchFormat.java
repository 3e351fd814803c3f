package dev.mailtrail.app.cmdlet;

/** The shapes a search's results are written in ({@code -Format}). */
public enum SearchFormat {
    /** PowerShell's list view, as the cmdlet prints without a pipe. */
    LIST,
    /** {@code … | ConvertTo-Json}. */
    JSON,
    /** AuditData JSON Lines, as stored. */
    JSONL,
    /** {@code … | Export-Csv}. */
    CSV,
    /** The Purview audit search export. */
    PURVIEWCSV
}
