package dev.mailtrail.investigate.scope;

import static dev.mailtrail.investigate.importer.synthetic.BecCase.ATTACKER_IP;
import static dev.mailtrail.investigate.importer.synthetic.BecCase.ATTACKER_SESSION;
import static dev.mailtrail.investigate.importer.synthetic.BecCase.COMPROMISE;
import static dev.mailtrail.investigate.importer.synthetic.BecCase.VICTIM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.ImportOptions;
import dev.mailtrail.investigate.importer.ImportProgress;
import dev.mailtrail.investigate.importer.ImportSummary;
import dev.mailtrail.investigate.importer.ImportedRecord;
import dev.mailtrail.investigate.importer.Importer;
import dev.mailtrail.investigate.importer.RecordSink;
import dev.mailtrail.investigate.importer.Reject;
import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import dev.mailtrail.investigate.importer.synthetic.BecCase;
import dev.mailtrail.investigate.importer.synthetic.BecCaseFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic BEC cases written as real exports, imported, and scoped: the scope found is the one built in. */
class BecCaseScopeTest {
    private static final AttackerHints BY_IP = new AttackerHints(Set.of(ATTACKER_IP), Set.of(), Set.of());

    @TempDir
    Path dir;

    private final BecCaseFiles files = new BecCaseFiles();

    private static final class Collected implements RecordSink {
        final List<AuditRecord> records = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();

        @Override
        public void accept(ImportedRecord record) {
            records.add(record.record());
        }

        @Override
        public void reject(Reject reject) {
            rejects.add(reject);
        }
    }

    private Scope importAndScope(BecCase bec, AttackerHints hints) throws Exception {
        Path export = files.purviewCsv(bec.records(), dir.resolve("purview.csv"));
        Collected sink = new Collected();
        new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(List.of(export), sink, ImportProgress.NONE);
        assertThat(sink.rejects).isEmpty();
        return new ScopeAnalysis().analyse(sink.records, new ScopeQuery(VICTIM, null, null, hints));
    }

    @Test
    void theAttackersReadsAreFoundWithTheirSubjectsAndTheOwnersAreNot() throws Exception {
        Scope scope = importAndScope(BecCase.reading(), BY_IP);

        assertThat(scope.reads())
                .extracting(read -> read.message().subject())
                .containsExactlyElementsOf(BecCase.SUBJECTS_READ);
        assertThat(scope.reads()).allSatisfy(read -> {
            assertThat(read.folder()).isEqualTo("\\Inbox\\Finance");
            assertThat(read.access().ip()).isEqualTo(ATTACKER_IP);
        });
        assertThat(scope.syncs()).isEmpty();
        assertThat(scope.blindWindows()).isEmpty();
        assertThat(scope.statement()).contains("The attacker read 3 messages in \\Inbox\\Finance.");
    }

    @Test
    void aSyncCaseTakesSentItemsAndTheInboxWhole() throws Exception {
        Scope scope = importAndScope(BecCase.withSync(), BY_IP);

        assertThat(scope.foldersSynced()).containsExactly("\\Sent Items", "\\Inbox");
        assertThat(scope.syncs()).extracting(FolderSync::syncedItems).containsExactly(null, 3);
        assertThat(scope.statement()).contains("and synced \\Sent Items and \\Inbox (3 items) whole");
    }

    @Test
    void aThrottlingCaseIsBlindForTheNextDay() throws Exception {
        Scope scope = importAndScope(BecCase.withThrottling(), BY_IP);

        assertThat(scope.blindWindows()).singleElement().satisfies(window -> {
            assertThat(window.reason()).isEqualTo(BlindWindow.Reason.THROTTLED);
            assertThat(window.from()).isEqualTo(COMPROMISE.plusSeconds(900));
            assertThat(window.to()).isEqualTo(COMPROMISE.plusSeconds(900).plus(Duration.ofHours(24)));
        });
        assertThat(scope.messagesRead()).hasSize(4);
    }

    @Test
    void auditingTurnedOffMidWayIsBlindAndTheAttackerDidIt() throws Exception {
        Scope scope = importAndScope(BecCase.withAuditingTurnedOff(), BY_IP);

        assertThat(scope.blindWindows(BlindWindow.Reason.AUDIT_DISABLED))
                .singleElement()
                .satisfies(window -> {
                    assertThat(window.from()).isEqualTo(COMPROMISE.plus(Duration.ofHours(1)));
                    assertThat(window.to()).isEqualTo(COMPROMISE.plus(Duration.ofHours(7)));
                });
        // Attacker records before and after an 8-hour silence: the silence is the same blind window, not repeated.
        assertThat(scope.blindWindows(BlindWindow.Reason.NO_RECORDS)).isEmpty();
        assertThat(scope.actions(AttackerAction.Kind.AUDIT_CHANGE))
                .singleElement()
                .satisfies(action -> assertThat(action.access().userId()).isEqualTo("admin@contoso.example"));
        assertThat(scope.statement())
                .contains("Auditing was blind from 2026-03-04 03:10 UTC to 2026-03-04 09:10 UTC"
                        + " (auditing turned off for the organisation).");
    }

    @Test
    void aForwardingRuleCaseShowsTheRuleWithItsTargetAndCondition() throws Exception {
        Scope scope = importAndScope(BecCase.withForwardingRule(), BY_IP);

        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.summary())
                            .isEqualTo(
                                    "New-InboxRule \"..\": forwards to payments@evil.example;"
                                            + " stops processing other rules; when the subject or body contains \"invoice;payment;wire\"");
                    assertThat(InboxRuleDescription.forwards(rule.details())).isTrue();
                });
        assertThat(scope.timeline()).extracting(TimelineEntry::what).containsExactly("read", "inbox rule");
    }

    @Test
    void withoutHintsTheAttackersSessionIsProposed() throws Exception {
        Scope scope = importAndScope(BecCase.withSync(), AttackerHints.none());

        assertThat(scope.sessions())
                .as("the mailbox's whole activity is listed")
                .extracting(AttackerSession::sessionKey)
                .contains(ATTACKER_SESSION);
        assertThat(scope.suspiciousSessions()).first().satisfies(session -> {
            assertThat(session.sessionKey()).isEqualTo(ATTACKER_SESSION);
            assertThat(session.reasons()).contains("new IP 203.0.113.5 for the mailbox");
            assertThat(session.reasons()).anyMatch(reason -> reason.startsWith("active at 02:00 UTC"));
        });
    }

    @Test
    void duplicatesAcrossFilesInTwoFormatsAreImportedOnceAndScopedOnce() throws Exception {
        List<AuditRecord> records = BecCase.withSync().records();
        int half = records.size() / 2;
        Path csv = files.purviewCsv(records.subList(0, half + 5), dir.resolve("part-1.csv"));
        Path jsonl = files.jsonLines(records.subList(half - 5, records.size()), dir.resolve("part-2.jsonl"));
        Collected sink = new Collected();

        ImportSummary summary = new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(List.of(csv, jsonl), sink, ImportProgress.NONE);

        assertThat(summary.duplicates()).isEqualTo(10);
        assertThat(sink.records).hasSize(records.size());
        Scope scope = new ScopeAnalysis().analyse(sink.records, new ScopeQuery(VICTIM, null, null, BY_IP));
        assertThat(scope.reads()).hasSize(3);
        assertThat(scope.syncs()).hasSize(2);
    }
}
