package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's submission and ManageSieve listeners, used by the real clients a user would pick. */
class DemoListenersTest {
    @TempDir
    Path dir;

    @Test
    void swaksSendingOverImplicitTlsIsASendInAlicesMailbox() throws Exception {
        Path data = dir.resolve("data");
        RunningDemo demo = RunningDemo.start(DemoRun.onFreePorts(data, DemoBackend.GREENMAIL), Clock.systemUTC());
        try {
            DemoRun.shell(
                    dir,
                    "swaks --silent 2 --server 127.0.0.1 --port " + demo.port("submissions")
                            + " --tls-on-connect --auth PLAIN --auth-user alice@demo.test --auth-password demo"
                            + " --from alice@demo.test --to bob@demo.test --header 'Subject: Sent with swaks'");
        } finally {
            demo.close();
        }
        List<FoundRecord> sends = DemoRun.records(data, of("Send"));
        assertThat(sends).anySatisfy(record -> assertThat(record.auditData()).contains("Sent with swaks"));
    }

    @Test
    void sieveConnectUploadingAForwardIsANewInboxRule() throws Exception {
        Path data = dir.resolve("data");
        RunningDemo demo = RunningDemo.start(DemoRun.onFreePorts(data, DemoBackend.DOVECOT), Clock.systemUTC());
        try {
            assertThat(demo.listens("managesieve"))
                    .as("dovecot-managesieved is installed")
                    .isTrue();
            Path script = dir.resolve("forward.sieve");
            Files.writeString(script, "require [\"copy\"];\nredirect :copy \"out@elsewhere.example\";\n");
            DemoRun.shell(
                    dir,
                    "echo demo | sieve-connect --server 127.0.0.1 --port " + demo.port("managesieve")
                            + " --user alice@demo.test --passwordfd 0 --notlsverify --upload --localsieve " + script
                            + " --remotesieve forward");
        } finally {
            demo.close();
        }
        // Inbox-rule cmdlets are admin records, as in Exchange: mt scope reads them beside the mailbox's.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stream = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        int exit = dev.mailtrail.app.Mt.run(
                new String[] {"scope", "--case", data.toString(), "--mailbox", "alice@demo.test"}, stream, stream);
        String scope = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exit).as(scope).isZero();
        assertThat(scope).contains("New-InboxRule", "forwards to out@elsewhere.example");
    }

    private static RecordQuery of(String operation) {
        return RecordQuery.between(Instant.EPOCH, Instant.now().plusSeconds(3600))
                .withMailboxes(Set.of("alice@demo.test"))
                .withOperations(Set.of(operation));
    }
}
