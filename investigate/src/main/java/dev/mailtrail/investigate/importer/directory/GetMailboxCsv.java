package dev.mailtrail.investigate.importer.directory;

import dev.mailtrail.investigate.importer.source.CsvHeader;
import dev.mailtrail.investigate.importer.source.CsvUnitSource;
import dev.mailtrail.investigate.importer.source.SourceUnit;
import dev.mailtrail.investigate.mailboxes.IdentityLink;
import dev.mailtrail.investigate.mailboxes.MailboxName;
import dev.mailtrail.investigate.mailboxes.MailboxName.Kind;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Get-Mailbox | Export-Csv} or {@code Get-EXOMailbox -PropertySets All | Export-Csv}, with or without the
 * {@code #TYPE} line: each row's names (UserPrincipalName, PrimarySmtpAddress, ExchangeGuid, Guid,
 * ExternalDirectoryObjectId, LegacyExchangeDN, DisplayName, Alias, Name) are one mailbox's. Exchange Online names
 * a new mailbox by its ExternalDirectoryObjectId, so {@code Name} often is the GUID a rule's ObjectId shows.
 */
public final class GetMailboxCsv {
    /** Column → kind of name, in the order a row's names are linked to its first. */
    static final Map<String, Kind> COLUMNS = columns();

    private static Map<String, Kind> columns() {
        Map<String, Kind> columns = new LinkedHashMap<>();
        columns.put("UserPrincipalName", Kind.UPN);
        columns.put("PrimarySmtpAddress", Kind.SMTP_ADDRESS);
        columns.put("WindowsEmailAddress", Kind.SMTP_ADDRESS);
        columns.put("ExchangeGuid", Kind.MAILBOX_GUID);
        columns.put("Guid", Kind.OBJECT_GUID);
        columns.put("ExternalDirectoryObjectId", Kind.EXTERNAL_DIRECTORY_OBJECT_ID);
        columns.put("LegacyExchangeDN", Kind.LEGACY_DN);
        columns.put("DisplayName", Kind.DISPLAY_NAME);
        columns.put("Alias", Kind.ALIAS);
        columns.put("Name", Kind.OBJECT_NAME);
        columns.put("Identity", Kind.OBJECT_NAME);
        columns.put("Sid", Kind.SID);
        return columns;
    }

    /** Whether a CSV header is a mailbox list's: a UPN or address and a GUID or legacy DN, no audit columns. */
    public static boolean isMailboxList(CsvHeader header) {
        boolean address = header.has("UserPrincipalName") || header.has("PrimarySmtpAddress");
        boolean identifier =
                header.has("ExchangeGuid") || header.has("ExternalDirectoryObjectId") || header.has("LegacyExchangeDN");
        return address && identifier && !header.has("Operation") && !header.has("AuditData");
    }

    /** The links of every row, each naming the file and line that say so. */
    public List<IdentityLink> read(Path file, Reader text) throws IOException {
        List<IdentityLink> links = new ArrayList<>();
        try (CsvUnitSource rows = new CsvUnitSource(text)) {
            CsvHeader header = rows.header();
            for (SourceUnit unit = rows.next(); unit != null; unit = rows.next()) {
                if (unit instanceof SourceUnit.CsvRow row) {
                    links.addAll(links(file, header, row));
                }
            }
        }
        return links;
    }

    private static List<IdentityLink> links(Path file, CsvHeader header, SourceUnit.CsvRow row) {
        List<MailboxName> names = new ArrayList<>();
        for (Map.Entry<String, Kind> column : COLUMNS.entrySet()) {
            int index = header.indexOf(column.getKey());
            if (index >= 0 && index < row.fields().size()) {
                MailboxName name =
                        MailboxName.of(column.getValue(), row.fields().get(index));
                if (name != null
                        && names.stream().noneMatch(known -> known.value().equals(name.value()))) {
                    names.add(name);
                }
            }
        }
        List<IdentityLink> links = new ArrayList<>();
        String evidence = "Get-Mailbox export " + file.getFileName() + " line " + row.line();
        for (int i = 1; i < names.size(); i++) {
            links.add(new IdentityLink(names.getFirst(), names.get(i), evidence, 1));
        }
        return links;
    }
}
