package dev.mailtrail.investigate.importer.normalise;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import java.util.Locale;

/**
 * How many items a MailItemsAccessed record says were read without naming them: its {@code OperationCount} less
 * the items its {@code Folders} and {@code Item} name, for a record that is not a Sync (whose count is of
 * operations, not items). A record saved by PowerShell below its depth ({@code FolderItems=System.Object[]}) or cut
 * short by an export names fewer items than it counts; the investigation can still count them, name the folder,
 * session and IP, and say which export would name them.
 */
public final class UnnamedItems {
    private static final String MAIL_ITEMS_ACCESSED = "MailItemsAccessed";

    private UnnamedItems() {}

    public static int count(AuditRecord record) {
        if (!MAIL_ITEMS_ACCESSED.equals(record.operation())
                || record.operationCount() == null
                || "sync"
                        .equals(
                                record.mailAccessType() == null
                                        ? null
                                        : record.mailAccessType().toLowerCase(Locale.ROOT))) {
            return 0;
        }
        int named = record.item() == null ? 0 : 1;
        if (record.folders() != null) {
            for (FolderItems folder : record.folders()) {
                named += folder.folderItems().size();
            }
        }
        return Math.max(0, record.operationCount() - named);
    }

    /** Where to get the items named: the exports that keep a record's nested members whole. */
    public static String exportThatNamesThem() {
        return "export the records with Search-UnifiedAuditLog -Operations MailItemsAccessed … | ConvertTo-Json"
                + " -Depth 10, or run a Microsoft Graph auditLogQuery (security/auditLog/queries), to name them";
    }
}
