package dev.mailtrail.app.search;

import dev.mailtrail.core.record.RecordType;
import dev.mailtrail.store.log.FoundRecord;
import java.io.PrintStream;

/** Search-UnifiedAuditLog's default display: each result object as PowerShell's list view shows it. */
public final class UnifiedResultList implements SearchOutput {
    private final PrintStream out;

    public UnifiedResultList(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(FoundRecord record, long resultIndex, long resultCount) {
        out.print(property("RecordType", RecordType.name(record.recordType()))
                + property("CreationDate", ExchangeDates.powerShell(record.creationTime()))
                + property("UserIds", nullToEmpty(record.userId()))
                + property("Operations", nullToEmpty(record.operation()))
                + property("AuditData", record.auditData())
                + property("ResultIndex", Long.toString(resultIndex))
                + property("ResultCount", Long.toString(resultCount))
                + property("Identity", nullToEmpty(record.id()))
                + property("IsValid", "True")
                + property("ObjectState", "Unchanged"));
        out.println();
    }

    static String property(String name, String value) {
        return "%-12s : %s%n".formatted(name, value);
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
