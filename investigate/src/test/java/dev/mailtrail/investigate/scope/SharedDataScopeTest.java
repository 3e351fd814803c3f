package dev.mailtrail.investigate.scope;

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
import dev.mailtrail.investigate.report.ScopeCsv;
import dev.mailtrail.investigate.report.ScopeHtml;
import dev.mailtrail.investigate.report.ScopeJson;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every public sample in {@code ../shared/data/} imported and scoped, with the facts they hold. */
class SharedDataScopeTest {
    private static final List<AuditRecord> RECORDS = new ArrayList<>();

    @BeforeAll
    static void importEverySample() throws Exception {
        List<Reject> rejects = new ArrayList<>();
        ImportSummary summary = new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(
                        List.of(sharedData()),
                        new RecordSink() {
                            @Override
                            public void accept(ImportedRecord record) {
                                RECORDS.add(record.record());
                            }

                            @Override
                            public void reject(Reject reject) {
                                rejects.add(reject);
                            }
                        },
                        ImportProgress.NONE);
        assertThat(rejects).isEmpty();
        assertThat(summary.imported()).isEqualTo(1_312);
    }

    private static Scope scope(String mailbox, AttackerHints hints) {
        return new ScopeAnalysis().analyse(RECORDS, new ScopeQuery(mailbox, null, null, hints));
    }

    @Test
    void everyAccountAndCmdletTargetOfTheSamplesScopesAndWritesEveryOutput() throws Exception {
        Set<String> targets = new TreeSet<>();
        Set<String> mailboxes = new TreeSet<>();
        for (AuditRecord record : RECORDS) {
            if (record.userId() != null && !record.userId().isBlank()) {
                mailboxes.add(record.userId());
            }
            String identity = MailboxTarget.parameter(record.parameters(), "Identity");
            if (identity != null && !identity.isBlank()) {
                targets.add(identity);
            }
        }
        assertThat(targets).hasSizeGreaterThan(20);
        mailboxes.addAll(targets);
        for (String mailbox : mailboxes) {
            Scope scope = scope(mailbox, new AttackerHints(Set.of(), Set.of(), Set.of(mailbox)));
            if (targets.contains(mailbox)) {
                assertThat(scope.records()).as(mailbox).isPositive();
            }
            assertThat(scope.statement())
                    .startsWith("Mailbox " + mailbox + ", all records of the case. Attacker: user ");
            new ScopeJson().toJson(scope);
            new ScopeHtml().write(scope, new StringWriter());
            new ScopeCsv().write(scope, new StringWriter());
        }
    }

    @Test
    void msticpysAddMailboxPermissionTargetsJulianIslasMailbox() {
        Scope scope = scope("Julian Isla", AttackerHints.none());

        assertThat(scope.records()).isEqualTo(1);
        assertThat(scope.actions()).singleElement().satisfies(action -> assertThat(action.kind())
                .isEqualTo(AttackerAction.Kind.PERMISSION));
        assertThat(scope.blindWindows()).isEmpty();
    }

    @Test
    void anAttackerIpWithPortsInTheExportFindsItsConditionalAccessChanges() {
        Scope scope = scope("Julian Isla", new AttackerHints(Set.of("40.114.117.193"), Set.of(), Set.of()));

        assertThat(scope.actions()).hasSize(42).allSatisfy(action -> {
            assertThat(action.kind()).isEqualTo(AttackerAction.Kind.OTHER);
            assertThat(action.operation()).endsWith("-ConditionalAccessPolicy");
            assertThat(action.access().ip()).isEqualTo("40.114.117.193");
        });
        assertThat(scope.actions().getFirst().time()).isEqualTo(Instant.parse("2020-05-19T13:29:55Z"));
        assertThat(scope.statement()).contains("They also ran 42 other admin commands.");
    }

    @Test
    void aBracketedIpv6AddressWithAPortMatchesTheBareAddress() {
        Scope scope =
                scope("nobody@example.com", new AttackerHints(Set.of("2603:1036:302:4091::5"), Set.of(), Set.of()));

        assertThat(scope.actions()).singleElement().satisfies(action -> {
            assertThat(action.operation()).isEqualTo("New-Mailbox");
            assertThat(action.time()).isEqualTo(Instant.parse("2020-05-12T09:06:31Z"));
        });
    }

    @Test
    void plasosSignInIsPietsOnlyRecordAndIsAttributedToHisAccount() {
        Scope scope = scope(
                "piet@sst5f.onmicrosoft.com",
                new AttackerHints(Set.of(), Set.of(), Set.of("piet@sst5f.onmicrosoft.com")));

        assertThat(scope.records()).isEqualTo(1);
        assertThat(scope.actions()).singleElement().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(AttackerAction.Kind.SIGN_IN);
            assertThat(action.time()).isEqualTo(Instant.parse("2022-05-08T15:13:41Z"));
            assertThat(action.access().ip()).isEqualTo("0.0.0.0");
        });
        assertThat(scope.statement()).contains("The attacker read no message that a Bind record names.");
    }

    /** {@code ../shared/data} beside the repository, found from the working directory. */
    private static Path sharedData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate.resolve("msticpy"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no ../shared/data above " + Path.of("").toAbsolutePath());
    }
}
