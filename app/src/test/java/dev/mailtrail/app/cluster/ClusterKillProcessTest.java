package dev.mailtrail.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.kafka.broker.KafkaBroker;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code mt serve} processes in a cluster — each an IMAP proxy in front of the same Dovecot and an audit core of
 * the same group, on the real Kafka broker and OpenSearch node of {@link ClusterFixture} — while mail clients read through both: one
 * process is killed with {@code kill -9} in the middle of a 24 MB download, the other in the middle of the cores'
 * work, and the broker is stopped and started again under a read waiting for it. At the end every message a client
 * received any byte of is named by exactly one MailItemsAccessed record, no record is stored twice, and every hash
 * chain verifies.
 */
class ClusterKillProcessTest {
    private static final int LINE = 78;
    private static final int BIG = 24_000_000;
    private static final int SMALL_MESSAGES = 14;

    @TempDir
    Path dir;

    @Test
    void everyReadTheClientsReceivedHasExactlyOneRecordThroughKillsAndABrokerRestart() throws Exception {
        KafkaBroker broker = ClusterFixture.broker();
        ClusterSettings shared = ClusterFixture.settings("kill", 4, 1);
        // ticks twice a second; an intent whose proxy was killed is resolved as lost after 10 s
        ClusterSettings settings = new ClusterSettings(
                shared.bootstrapServers(),
                shared.topic(),
                shared.partitions(),
                shared.replicationFactor(),
                shared.minInsyncReplicas(),
                shared.search(),
                shared.indexPrefix(),
                shared.group(),
                1,
                Duration.ofMillis(500),
                Duration.ofSeconds(10));
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            dovecot.seed("bob", "INBOX", "Quarterly archive", ("x".repeat(LINE - 1) + "\n").repeat(BIG / LINE));
            for (int i = 1; i <= SMALL_MESSAGES; i++) {
                for (String user : List.of("alice", "carol")) {
                    dovecot.seed(user, "INBOX", "Note " + i, ("Line " + i + " of a short note.\n").repeat(40));
                }
            }
            List<ImapReader.Read> reads = new ArrayList<>();
            try (ClusterServe a = ClusterServe.start(dir, "a", dovecot.imapPort(), section(settings));
                    ClusterServe b = ClusterServe.start(dir, "b", dovecot.imapPort(), section(settings))) {
                try {
                    scenario(broker, a, b, reads);
                } catch (Throwable failure) {
                    throw new AssertionError(failure + "\n" + a.printed() + "\n" + b.printed(), failure);
                }
            }

            // the whole cluster stops: a core of its own flushes every partition, then what was recorded is read
            RecordedReads recorded = RecordedReads.awaitAll(settings, dir.resolve("finisher"), receivedIds(reads));
            List<String> wrong = new ArrayList<>();
            for (ImapReader.Read read : reads) {
                if (read.receivedAny() && recorded.recordsOf(read.messageId()) != 1) {
                    wrong.add(
                            read.messageId() + ": " + recorded.recordsOf(read.messageId()) + " records (" + read + ")");
                }
            }
            assertThat(wrong).as("reads received without exactly one record").isEmpty();
            assertThat(recorded.recordsPerMessage().values())
                    .as("no message is named by two records")
                    .allMatch(n -> n == 1);
            assertThat(recorded.repeatedIds()).as("record Ids stored twice").isEmpty();
            assertThat(recorded.mailboxChains().intact())
                    .as("mailbox log chains: %s", recorded.mailboxChains())
                    .isTrue();
            assertThat(recorded.unifiedChains().intact())
                    .as("unified log chains: %s", recorded.unifiedChains())
                    .isTrue();
        }
    }

    /** Reads through both processes while each is killed once and the broker is stopped and started again. */
    private static void scenario(KafkaBroker broker, ClusterServe a, ClusterServe b, List<ImapReader.Read> reads)
            throws Exception {
        // both proxies serve and both cores apply
        reads.addAll(read(a, "alice", 1, 3));
        reads.addAll(read(b, "carol", 1, 3));

        // kill -9 proxy a while bob's 24 MB message is a quarter of the way to him
        ImapReader.Read cut;
        try (ImapReader bob = ImapReader.open(a.port(), "bob", DovecotInstance.PASSWORD)) {
            cut = bob.fetch(1, BIG / 4, a::kill);
        }
        assertThat(cut.receivedAny())
                .as("bob received part of the message: %s", cut)
                .isTrue();
        assertThat(cut.whole()).as("the kill cut the download short: %s", cut).isFalse();
        reads.add(cut);
        reads.addAll(read(b, "alice", 4, 6));
        a.restart();

        // kill -9 process b, its core in the middle of applying and storing, while reads stream through a
        try (ImapReader alice = ImapReader.open(a.port(), "alice", DovecotInstance.PASSWORD);
                ImapReader carol = ImapReader.open(a.port(), "carol", DovecotInstance.PASSWORD)) {
            for (int n = 7; n <= 10; n++) {
                reads.add(alice.fetch(n));
                reads.add(n == 8 ? carol.fetch(n - 3, 1, b::kill) : carol.fetch(n - 3));
            }
        }
        b.restart();

        // stop the broker; a read waits for Kafka's acknowledgement and gets it once the broker is back
        broker.stop();
        CompletableFuture<List<ImapReader.Read>> waiting;
        try {
            waiting = CompletableFuture.supplyAsync(() -> read(b, "carol", 8, 8));
            Thread.sleep(1_000);
        } finally {
            broker.restart(); // the broker is shared with the module's other tests
        }
        reads.addAll(waiting.join());
        reads.addAll(read(a, "alice", 11, SMALL_MESSAGES));
        reads.addAll(read(b, "carol", 9, SMALL_MESSAGES));

        assertThat(a.stop()).as(a.printed()).isTrue();
        assertThat(b.stop()).as(b.printed()).isTrue();
    }

    /** Messages {@code from}..{@code to} of {@code user}'s INBOX, read whole in one session through {@code serve}. */
    private static List<ImapReader.Read> read(ClusterServe serve, String user, int from, int to) {
        List<ImapReader.Read> reads = new ArrayList<>();
        try (ImapReader reader = ImapReader.open(serve.port(), user, DovecotInstance.PASSWORD)) {
            for (int n = from; n <= to; n++) {
                ImapReader.Read read = reader.fetch(n);
                assertThat(read.whole())
                        .as("%s through %s: %s\n%s", user, serve, read, serve.printed())
                        .isTrue();
                reads.add(read);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(user + " could not read through " + serve.printed(), e);
        }
        return reads;
    }

    private static List<String> receivedIds(List<ImapReader.Read> reads) {
        return reads.stream()
                .filter(ImapReader.Read::receivedAny)
                .map(ImapReader.Read::messageId)
                .toList();
    }

    /** The {@code [cluster]} section both processes share: one core each, intents of a killed proxy resolved soon. */
    private static String section(ClusterSettings settings) {
        return """
                [cluster]
                kafka = %s
                search = %s
                topic = %s
                partitions = %d
                replication-factor = 1
                min-insync-replicas = 1
                index-prefix = %s
                group = %s
                cores = %d
                tick-interval = %dms
                intent-timeout = %ds
                """.formatted(
                        String.join(",", settings.bootstrapServers()),
                        settings.search(),
                        settings.topic(),
                        settings.partitions(),
                        settings.indexPrefix(),
                        settings.group(),
                        settings.cores(),
                        settings.tickInterval().toMillis(),
                        settings.intentTimeout().toSeconds());
    }
}
