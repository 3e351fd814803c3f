package dev.mailtrail.investigate.importer.decode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Exchange's {@code RecordType} and {@code UserType} numbers from the names Sentinel and Purview show
 * ({@code ExchangeItemAggregated}, {@code Regular}), and a record type for exports that have no such column.
 */
public final class ExchangeTypeNames {
    private static final Map<String, Integer> RECORD_TYPES = byLowerCaseName(
            "ExchangeAdmin",
            1,
            "ExchangeItem",
            2,
            "ExchangeItemGroup",
            3,
            "SharePoint",
            4,
            "SharePointFileOperation",
            6,
            "OneDrive",
            7,
            "AzureActiveDirectory",
            8,
            "AzureActiveDirectoryAccountLogon",
            9,
            "DataCenterSecurityCmdlet",
            10,
            "ComplianceDLPSharePoint",
            11,
            "ComplianceDLPExchange",
            13,
            "SharePointSharingOperation",
            14,
            "AzureActiveDirectoryStsLogon",
            15,
            "SecurityComplianceCenterEOPCmdlet",
            18,
            "ExchangeAggregatedOperation",
            19,
            "PowerBIAudit",
            20,
            "MicrosoftTeams",
            25,
            "ThreatIntelligence",
            28,
            "MailSubmission",
            29,
            "MicrosoftFlow",
            30,
            "SecurityComplianceAlerts",
            40,
            "ExchangeItemAggregated",
            50,
            "HygieneEvent",
            51,
            "MicrosoftTeamsAdmin",
            57,
            "AirInvestigation",
            64,
            "Quarantine",
            65,
            "MicrosoftForms",
            66,
            "ExchangeSearch",
            101,
            "SharePointSearch",
            102);
    private static final Map<String, Integer> USER_TYPES = byLowerCaseName(
            "Regular",
            0,
            "Reserved",
            1,
            "Admin",
            2,
            "DcAdmin",
            3,
            "System",
            4,
            "Application",
            5,
            "ServicePrincipal",
            6,
            "CustomPolicy",
            7,
            "SystemPolicy",
            8);

    private ExchangeTypeNames() {}

    /** The RecordType number of a name or numeric text, or null when it is neither. */
    public static Integer recordType(String text) {
        return lookup(RECORD_TYPES, text);
    }

    /** The UserType number of a name or numeric text, or null when it is neither. */
    public static Integer userType(String text) {
        return lookup(USER_TYPES, text);
    }

    /**
     * The record type an operation is recorded with, for exports without a RecordType column: an admin cmdlet
     * ({@code Verb-Noun}) is ExchangeAdmin, MailItemsAccessed ExchangeItemAggregated, moves and deletes
     * ExchangeItemGroup, SearchQueryInitiatedExchange ExchangeSearch, and any other mailbox action ExchangeItem.
     */
    public static int inferRecordType(String operation) {
        if (operation == null) {
            return 2;
        }
        return switch (operation) {
            case "MailItemsAccessed" -> 50;
            case "Move", "MoveToDeletedItems", "SoftDelete", "HardDelete", "FolderBind" -> 3;
            case "SearchQueryInitiatedExchange" -> 101;
            default -> operation.indexOf('-') > 0 ? 1 : 2;
        };
    }

    private static Map<String, Integer> byLowerCaseName(Object... pairs) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(((String) pairs[i]).toLowerCase(Locale.ROOT), (Integer) pairs[i + 1]);
        }
        return Map.copyOf(names);
    }

    private static Integer lookup(Map<String, Integer> names, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        Integer named = names.get(trimmed.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            return Integer.valueOf(trimmed);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
