package dev.mailtrail.app.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mt ingest --anchors writes signed digests; mt verify --anchors proves the stores consistent with them, and names
 * what the stores' own chains cannot see: a mailbox's whole chain deleted with Lucene's API.
 */
class AnchoredVerifyProcessTest {
    @TempDir
    Path dir;

    @Test
    void aDeletedMailboxChainTheStoreCannotSeeIsNamedAgainstTheDigests() throws Exception {
        Path data = dir.resolve("data");
        Path anchors = dir.resolve("anchors");
        Path signingKey = dir.resolve("keys/signing.key");
        List<String> story = Files.readAllLines(Path.of("..", "examples", "bec-story.jsonl"));
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        Files.write(first, story.subList(0, story.size() / 2));
        Files.write(second, story.subList(story.size() / 2, story.size()));
        for (Path part : List.of(first, second)) {
            Result ingest = ingestAnchored(data, anchors, signingKey, part);
        }
        Result exported = MtProcess.run(data, "verify", "--export-key", "--anchor-key", signingKey.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).startsWith("-----BEGIN PUBLIC KEY-----");
        Path publicKey = dir.resolve("verification.pem");
        Files.writeString(publicKey, exported.out());

        Result clean = MtProcess.run(data, "verify", "--anchors", anchors.toString(), "--key", publicKey.toString());
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out()).containsPattern("anchors: consistent — \\d+ signed digests");

        try (FSDirectory directory = FSDirectory.open(data.resolve("mailbox-audit-log"));
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.deleteDocuments(new Term("chain", "mailbox:alice@contoso.com"));
            writer.commit();
        }
        Result storeAlone = MtProcess.run(data, "verify");
        assertThat(storeAlone.out())
                .as("the store's own chains cannot see a whole chain gone")
                .contains("mailbox-audit-log: intact");
        assertThat(storeAlone.out())
                .as("the journal replayed still makes the chain's records")
                .contains("mailbox-audit-log: records DIFFER from the journal")
                .contains("(missing from chain mailbox:alice@contoso.com)");
        assertThat(storeAlone.exit()).isEqualTo(1);

        Result tampered = MtProcess.run(data, "verify", "--anchors", anchors.toString(), "--key", publicKey.toString());
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out())
                .contains("anchors: NOT CONSISTENT")
                .contains("chain deleted: mailbox-audit-log mailbox:alice@contoso.com: digest ")
                .doesNotContain("Exception");
        assertThat(tampered.err()).doesNotContain("Exception");
    }

    /**
     * The last digests removed from the anchors directory leave a consistent-looking directory; the journald copy of
     * the digest lines (here the ingest's standard error) names them.
     */
    @Test
    void theLastDigestsRemovedAreNamedByTheDigestLog() throws Exception {
        Path data = dir.resolve("data");
        Path anchors = dir.resolve("anchors");
        Path signingKey = dir.resolve("keys/signing.key");
        StringBuilder logged = new StringBuilder();
        List<String> story = Files.readAllLines(Path.of("..", "examples", "bec-story.jsonl"));
        for (List<String> part : List.of(story.subList(0, 5), story.subList(5, story.size()))) {
            Path file = Files.write(dir.resolve("part-" + logged.length() + ".jsonl"), part);
            Result ingest = ingestAnchored(data, anchors, signingKey, file);
            logged.append(ingest.err());
        }
        assertThat(logged).as("each digest is logged as it is written").contains("mailtrail digest 1 sha256 ");
        Path digestLog = Files.writeString(dir.resolve("journald-copy.log"), logged);
        List<Path> digests;
        try (var files = Files.list(anchors)) {
            digests = files.filter(p -> p.getFileName().toString().startsWith("digest-"))
                    .sorted()
                    .toList();
        }
        assertThat(digests).hasSizeGreaterThan(1);
        Path last = digests.get(digests.size() - 1);
        Result intact =
                MtProcess.run(data, "verify", "--anchors", anchors.toString(), "--digest-log", digestLog.toString());
        assertThat(intact.exit()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("digest log: consistent — " + digests.size() + " digests logged");

        Files.delete(last);
        Result alone = MtProcess.run(data, "verify", "--anchors", anchors.toString());
        assertThat(alone.out())
                .as("the directory alone cannot tell its last digest gone")
                .contains("anchors: consistent");
        Result withLog =
                MtProcess.run(data, "verify", "--anchors", anchors.toString(), "--digest-log", digestLog.toString());
        assertThat(withLog.exit()).isEqualTo(1);
        assertThat(withLog.out())
                .contains("digest log: NOT CONSISTENT")
                .containsPattern("digest \\d+ \\(logged at .*journald-copy.log line \\d+ with sha256 [0-9a-f]{64}\\):"
                        + " MISSING from");
    }

    @Test
    void anAnchorsDirectoryInsideTheDataDirectoryIsRefusedWithTheReason() {
        Path data = dir.resolve("data");
        Result ingest = MtProcess.run(
                data,
                "ingest",
                "--anchors",
                data.resolve("anchors").toString(),
                "--anchor-key",
                dir.resolve("k").toString(),
                Path.of("..", "examples", "bec-story.jsonl").toString());
        assertThat(ingest.exit()).isEqualTo(1);
        assertThat(ingest.err()).contains("is inside the data directory").doesNotContain("Exception");
    }

    @Test
    void aDigestSignedWithAnotherKeyFailsVerification() throws Exception {
        Path data = dir.resolve("data");
        Path anchors = dir.resolve("anchors");
        Result ingest = MtProcess.run(
                data,
                "ingest",
                "--anchors",
                anchors.toString(),
                "--anchor-key",
                dir.resolve("k1").toString(),
                Path.of("..", "examples", "bec-story.jsonl").toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        MtProcess.run(
                data,
                "verify",
                "--export-key",
                "--anchor-key",
                dir.resolve("k1").toString());
        Result other = MtProcess.run(
                data,
                "verify",
                "--export-key",
                "--anchor-key",
                dir.resolve("k2").toString());
        assertThat(other.exit()).as("--export-key never makes a key").isEqualTo(1);
        Result again = MtProcess.run(
                data,
                "ingest",
                "--anchors",
                anchors.toString(),
                "--anchor-key",
                dir.resolve("k2").toString(),
                Path.of("..", "examples", "bec-story.jsonl").toString());
        assertThat(again.exit()).as(again.err()).isIn(0, 1);
        Path trusted = dir.resolve("k1.pem");
        Files.writeString(
                trusted,
                MtProcess.run(
                                data,
                                "verify",
                                "--export-key",
                                "--anchor-key",
                                dir.resolve("k1").toString())
                        .out());
        Result verify = MtProcess.run(data, "verify", "--anchors", anchors.toString(), "--key", trusted.toString());
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("forged: digest 4: ", "does not verify with the key given");
    }

    /** {@code mt ingest --anchors} of one file, which must succeed. */
    private static Result ingestAnchored(Path data, Path anchors, Path signingKey, Path file) {
        Result ingest = MtProcess.run(
                data,
                "ingest",
                "--anchors",
                anchors.toString(),
                "--anchor-key",
                signingKey.toString(),
                file.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        return ingest;
    }
}
