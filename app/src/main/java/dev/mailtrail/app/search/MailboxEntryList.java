package dev.mailtrail.app.search;

import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/** {@code Search-MailboxAuditLog -ShowDetails}: each mailbox audit log entry in PowerShell's list view. */
public final class MailboxEntryList implements SearchOutput {
    private final PrintStream out;
    private final MailboxEntry entries = new MailboxEntry(false);

    public MailboxEntryList(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(FoundRecord found, long resultIndex, long resultCount) throws IOException {
        StringBuilder entry = new StringBuilder();
        for (Map.Entry<String, String> property : entries.properties(found).entrySet()) {
            entry.append("%-39s : %s%n".formatted(property.getKey(), property.getValue()));
        }
        out.print(entry);
        out.println();
    }
}
