package dev.mailtrail.investigate.importer.detect;

import dev.mailtrail.investigate.importer.source.CsvHeader;
import java.util.List;

/**
 * What a CSV that is no export holds, in words, naming the CSVs that tools make of audit records but that no
 * longer hold them whole: the AuditData flattened by {@code ConvertFrom-Json | Export-Csv} (Hawk's
 * {@code MailItemsAccessed_<user>.csv}, Microsoft-Extractor-Suite's {@code Get-UAL -AuditDataOnly -Output CSV}),
 * whose nested fields became {@code System.Object[]}, and Extractor-Suite's {@code Get-MailItemsAccessed}
 * summary, which keeps no record's Id, folders or items. Importing either would give records without the items
 * read, so they are refused, saying which output of the same tool to import instead.
 */
final class LossyCsv {
    private static final List<String> AUDIT_DATA_FIELDS = List.of("CreationTime", "Operation", "RecordType");
    private static final List<String> MAIL_ITEMS_ACCESSED_SUMMARY =
            List.of("TimeStamp", "User", "Action", "SessionId", "MailAccessType");

    private LossyCsv() {}

    static String describe(CsvHeader header) {
        if (header.size() <= 1) {
            return "neither JSON nor CSV with a header";
        }
        if (AUDIT_DATA_FIELDS.stream().allMatch(header::has)) {
            return "AuditData flattened into CSV columns (" + header.columns().size()
                    + " columns, CreationTime, Operation, RecordType …), as Hawk and Microsoft-Extractor-Suite's"
                    + " -AuditDataOnly write it with Export-Csv: nested fields (Folders, Item, OperationProperties …)"
                    + " do not survive that, Export-Csv writes them as \"System.Object[]\"; import the same tool's JSON"
                    + " output, or an export with an AuditData column";
        }
        if (MAIL_ITEMS_ACCESSED_SUMMARY.stream().allMatch(header::has)) {
            return "Microsoft-Extractor-Suite's Get-MailItemsAccessed summary (" + header
                    + "), which has no record Id, folders or items; import Get-UAL's output for MailItemsAccessed";
        }
        return "CSV with the header " + header;
    }
}
