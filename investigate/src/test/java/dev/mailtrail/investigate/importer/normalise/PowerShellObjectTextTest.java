package dev.mailtrail.investigate.importer.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What PowerShell's {@code ConvertTo-Json} wrote as {@code "@{Name=…; Value=…}"} below its depth is read back. */
class PowerShellObjectTextTest {
    private static final Instant TIME = Instant.parse("2026-03-04T21:40:02Z");

    @Test
    void membersAreSplitWhereANewNameStartsSoAValueMayHoldSemicolons() {
        assertThat(PowerShellObjectText.members("@{Id=RgAA; Subject=Re: a; b=c; d; Path=\\Inbox; Empty=}"))
                .containsExactly(
                        Map.entry("Id", "RgAA"),
                        Map.entry("Subject", "Re: a"),
                        Map.entry("b", "c; d"),
                        Map.entry("Path", "\\Inbox"),
                        Map.entry("Empty", ""));
    }

    @Test
    void nameValuePairsInEitherOrderAreRead() {
        AuditRecord record = AuditRecord.builder()
                .creationTime(TIME)
                .recordType(50)
                .operation("MailItemsAccessed")
                .extensions(Map.of(
                        "OperationProperties",
                        List.of("@{Value=Bind; Name=MailAccessType}", "@{Name=IsThrottled; Value=False}")))
                .build();

        AuditRecord read = PowerShellObjectText.read(record);

        assertThat(read.operationProperties())
                .containsExactly(new NameValue("MailAccessType", "Bind"), new NameValue("IsThrottled", "False"));
        assertThat(read.mailAccessType()).isEqualTo("Bind");
        // The text stays, for the export as it was; the writer ignores it while the field is set.
        assertThat(OriginalValues.restore(read).operationProperties()).isNull();
    }

    @Test
    void anItemsParentFolderWrittenAsTextIsReadAndRestored() {
        AuditRecord record = AuditRecord.builder()
                .creationTime(TIME)
                .recordType(2)
                .operation("Send")
                .item(new RecordItem(
                        "RgAA",
                        "Pay today",
                        "<p@c>",
                        null,
                        null,
                        Map.of("ParentFolder", "@{Id=LgAJ; Path=\\Sent Items}")))
                .build();

        AuditRecord normalised = new RecordNormaliser().normalise(record);

        assertThat(normalised.item().parentFolder()).isEqualTo(new FolderRef("LgAJ", "\\Sent Items"));
        assertThat(OriginalValues.restore(normalised)).isEqualTo(record);
    }

    @Test
    void aListThatIsNotAllPowerShellObjectTextIsLeftAlone() {
        AuditRecord record = AuditRecord.builder()
                .creationTime(TIME)
                .recordType(1)
                .extensions(Map.of("Parameters", List.of("@{Name=Identity; Value=x}", "plain")))
                .build();

        assertThat(PowerShellObjectText.read(record)).isSameAs(record);
    }
}
