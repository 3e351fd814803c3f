package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;

/**
 * {@code Add-MailTrailJournalDamage}: the audit log's own record that part of the event journal was found damaged
 * or missing and set aside by a repair, so that a gap in the records is explained where an investigator searches
 * ({@code Search-UnifiedAuditLog -Operations Add-MailTrailJournalDamage}). Changes no configuration; the repair
 * writes it, naming the journal range, the bytes moved aside and where they are.
 */
final class AddMailTrailJournalDamageCmdlet implements AuditCmdlet {
    static final String NAME = "Add-MailTrailJournalDamage";

    @Override
    public String name() {
        return NAME;
    }

    static final CmdletSyntax SYNTAX = new CmdletSyntax(
            NAME,
            "Records that a repair set part of the event journal aside (written by mt, not typed).",
            null,
            java.util.stream.Stream.of(
                            "Segment",
                            "Offset",
                            "FirstLostSequence",
                            "JournalEndsAt",
                            "StoresReachSequence",
                            "StoredRecords",
                            "BytesMovedAside",
                            "SegmentsMovedAside",
                            "MovedTo",
                            "Problem",
                            "FoundBy")
                    .map(name -> CmdletParameter.value(name, "String", "What the repair found."))
                    .toList());

    @Override
    public CmdletSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String objectId(CmdletArguments arguments, AuditConfiguration configuration) {
        String segment = arguments.textOf("Segment");
        return segment == null || segment.isEmpty() ? "journal" : segment;
    }

    @Override
    public void apply(CmdletArguments arguments, AuditConfiguration configuration) {
        // a record of a loss, not a change of configuration
    }
}
