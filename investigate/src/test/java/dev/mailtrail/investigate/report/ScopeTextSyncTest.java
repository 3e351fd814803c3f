package dev.mailtrail.investigate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.ScopeAnalysis;
import dev.mailtrail.investigate.scope.ScopeQuery;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The terminal summary counts synced folders as its statement does: one line per folder, its largest Sync. */
class ScopeTextSyncTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void severalSyncRecordsOfAFolderAreOneLineWithTheMostItemsAnyOfThemNames() {
        List<AuditRecord> records = new ArrayList<>();
        records.add(sync("r1", T, "\\Finance", 2));
        records.add(sync("r2", T.plusSeconds(130), "\\Finance", 10));
        records.add(sync("r3", T.plusSeconds(260), "\\Finance", 4));
        records.add(sync("r4", T.plusSeconds(300), "\\Sent", 6));
        Scope scope = new ScopeAnalysis()
                .analyse(
                        records,
                        new ScopeQuery(
                                "alice@contoso.com",
                                null,
                                null,
                                new AttackerHints(Set.of("203.0.113.5"), Set.of(), Set.of())));
        StringWriter out = new StringWriter();
        new ScopeText().write(scope, new PrintWriter(out));
        String text = out.toString();

        assertThat(text).contains("synced \\Finance (10 items) and \\Sent (6 items) whole");
        assertThat(text).contains("Folders taken whole (Sync): every item must be assumed read: 2\n");
        assertThat(text).contains("2026-03-02 09:00:00  \\Finance  (10 items, 3 Sync records to 2026-03-02 09:04:20)");
        assertThat(text).contains("2026-03-02 09:05:00  \\Sent  (6 items)  [203.0.113.5");
        assertThat(text)
                .contains("Items MailTrail's Sync records list: 16")
                .contains("\\Finance  \"m0\"  <Finance0@x>")
                .contains("… and 8 more");
        assertThat(scope.timeline().getLast().description())
                .isEqualTo("synced \\Sent whole (6 items): \"m0\", \"m1\", \"m2\" …");
        assertThat(new ScopeJson().toJson(scope)).contains("\"internetMessageId\" : \"<Sent5@x>\"");
    }

    private static AuditRecord sync(String id, Instant time, String folder, int items) {
        return AuditRecord.builder()
                .workload("Exchange")
                .userId("alice@contoso.com")
                .mailboxOwnerUpn("alice@contoso.com")
                .clientIpAddress("203.0.113.5")
                .clientInfoString("Client=IMAP4")
                .sessionId("s-1")
                .logonType(0)
                .creationTime(time)
                .id(id)
                .operation("MailItemsAccessed")
                .recordType(50)
                .operationProperties(
                        List.of(new NameValue("MailAccessType", "Sync"), new NameValue("IsThrottled", "False")))
                .folders(List.of(new FolderItems(null, folder, List.of())))
                .syncedItems(IntStream.range(0, items)
                        .mapToObj(i -> new ItemRef("<" + folder.substring(1) + i + "@x>", null, 10L, "m" + i))
                        .toList())
                .build();
    }
}
