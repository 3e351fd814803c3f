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
            Result ingest = MtProcess.run(
                    data,
                    "ingest",
                    "--anchors",
                    anchors.toString(),
                    "--anchor-key",
                    signingKey.toString(),
                    part.toString());
            assertThat(ingest.exit()).as(ingest.err()).isZero();
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
        assertThat(storeAlone.exit())
                .as("the store's own chains cannot see a whole chain gone")
                .isZero();

        Result tampered = MtProcess.run(data, "verify", "--anchors", anchors.toString(), "--key", publicKey.toString());
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out())
                .contains("anchors: NOT CONSISTENT")
                .contains("chain deleted: mailbox-audit-log mailbox:alice@contoso.com: digest ")
                .doesNotContain("Exception");
        assertThat(tampered.err()).doesNotContain("Exception");
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
}
