package dev.mailtrail.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.store.anchor.AnchorFinding;
import dev.mailtrail.store.anchor.AnchorFinding.Kind;
import dev.mailtrail.store.anchor.AnchorReport;
import dev.mailtrail.store.anchor.AnchorWriter;
import dev.mailtrail.store.anchor.DigestFile;
import dev.mailtrail.store.anchor.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digests among themselves: signatures, their chain, a torn last one, and a data directory rolled back. */
class DigestChainTest {
    @TempDir
    Path dir;

    Path data;
    Path anchors;
    Path key;

    @BeforeEach
    void threeCommits() throws Exception {
        data = dir.resolve("data");
        anchors = dir.resolve("anchors");
        key = dir.resolve("keys/signing.key");
        try (AnchoredStores stores = new AnchoredStores(data, anchors, key)) {
            stores.commit(AnchoredTamperTest.batch(0, 2, 2));
            stores.commit(AnchoredTamperTest.batch(10, 2, 1));
            stores.commit(AnchoredTamperTest.batch(20, 2, 1));
        }
    }

    @Test
    void theSigningKeyIsGeneratedForItsOwnerOnlyAndItsPublicHalfExported() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        String pem = SigningKey.load(key).verificationKey().pem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(anchors.resolve(AnchorWriter.KEY_FILE))).isEqualTo(pem);
        assertThat(Files.readString(anchors.resolve(DigestFile.name(2))))
                .contains("previous 1 ", "scope changes", "chain mailbox-audit-log 2 ", "signature ");
    }

    @Test
    void digestsSignedWithoutTheKeyFailVerification() throws Exception {
        // the attacker rewrites a chain and anchors the result with a key of their own
        ChainRewriting.rewrite(data.resolve(AnchoredStores.MAILBOX), AnchoredTamperTest.ALICE, r -> r.subList(0, 1));
        try (LuceneAuditLog log = LuceneAuditLog.open(data.resolve(AnchoredStores.MAILBOX), ChainScheme.PER_MAILBOX)) {
            AnchorWriter.open(anchors, SigningKey.loadOrCreate(dir.resolve("attacker.key")), Clock.systemUTC())
                    .write(true, log.heads());
        }
        AnchorReport report = AnchoredStores.verify(data, anchors, key);
        assertThat(report.findings()).extracting(AnchorFinding::kind).contains(Kind.FORGED, Kind.TAIL_CUT);
        assertThat(report.findings().stream()
                        .filter(f -> f.kind() == Kind.FORGED)
                        .findFirst()
                        .orElseThrow()
                        .toString())
                .contains("digest 5", "does not verify", "names another key");
    }

    @Test
    void aDigestChangedAfterItWasSignedFailsVerification() throws Exception {
        Path second = anchors.resolve(DigestFile.name(2));
        String text = Files.readString(second);
        int at = text.indexOf("chain mailbox-audit-log 2 ") + "chain mailbox-audit-log 2 ".length();
        Files.writeString(
                second, text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0') + text.substring(at + 1));
        AnchorReport report = AnchoredStores.verify(data, anchors, key);
        assertThat(report.findings()).extracting(AnchorFinding::kind).contains(Kind.FORGED);
    }

    @Test
    void aMissingDigestIsNamed() throws Exception {
        Files.delete(anchors.resolve(DigestFile.name(2)));
        AnchorReport report = AnchoredStores.verify(data, anchors, key);
        assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.toString())
                .startsWith("missing digest: digest 2: "));
    }

    @Test
    void reorderedDigestsAreNamed() throws Exception {
        Path second = anchors.resolve(DigestFile.name(2));
        Path third = anchors.resolve(DigestFile.name(3));
        byte[] two = Files.readAllBytes(second);
        Files.write(second, Files.readAllBytes(third));
        Files.write(third, two);
        AnchorReport report = AnchoredStores.verify(data, anchors, key);
        assertThat(report.findings()).extracting(AnchorFinding::kind).contains(Kind.REORDERED);
        assertThat(report.findings().getFirst().toString()).contains("digest 2", "holds digest 3");
    }

    @Test
    void aTornLastDigestIsACrashNotTamperingAndTheNextStartContinuesTheChain() throws Exception {
        Path last = anchors.resolve(DigestFile.name(4));
        byte[] whole = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(whole, whole.length / 2), StandardOpenOption.TRUNCATE_EXISTING);
        AnchorReport torn = AnchoredStores.verify(data, anchors, key);
        assertThat(torn.findings()).isEmpty();
        assertThat(torn.notes()).anySatisfy(n -> assertThat(n).contains("digest 4", "torn", "a crash"));

        try (AnchoredStores stores = new AnchoredStores(data, anchors, key)) {
            stores.commit(AnchoredTamperTest.batch(30, 1, 1));
        }
        AnchorReport continued = AnchoredStores.verify(data, anchors, key);
        assertThat(continued.findings()).isEmpty();
        assertThat(continued.digests()).isEqualTo(5);
        assertThat(continued.notes())
                .anySatisfy(n -> assertThat(n).contains("digest 5 continues the chain from digest 3"));
    }

    @Test
    void aDigestCutShortAfterTheNextOneChainedToItIsNotACrash() throws Exception {
        Path second = anchors.resolve(DigestFile.name(2));
        byte[] whole = Files.readAllBytes(second);
        Files.write(second, java.util.Arrays.copyOf(whole, 40), StandardOpenOption.TRUNCATE_EXISTING);
        AnchorReport report = AnchoredStores.verify(data, anchors, key);
        assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.toString())
                .contains("digest 2", "cut short after digest 3 chained to it"));
    }

    @Test
    void aDirectoryRolledBackToAnOlderCopyIsNamedAndSoIsTheStartAfterIt() throws Exception {
        Path copy = dir.resolve("copy");
        Trees.copy(data, copy);
        try (AnchoredStores stores = new AnchoredStores(data, anchors, key)) {
            stores.commit(AnchoredTamperTest.batch(30, 1, 1));
        }
        Trees.delete(data);
        Trees.copy(copy, data);
        AnchorReport report = AnchoredStores.verify(data, anchors, key);
        assertThat(report.findings()).extracting(AnchorFinding::kind).contains(Kind.TAIL_CUT, Kind.ROLLED_BACK);
        assertThat(report.consistentThrough()).isEqualTo(5);
        assertThat(report.findings().getLast().detail())
                .contains("consistent with digests up to 5 and not with digest 6");

        try (AnchoredStores stores = new AnchoredStores(data, anchors, key)) {
            // the process started on the rolled-back copy: its full digest shows the chains going back
        }
        List<AnchorFinding> after = AnchoredStores.verify(data, anchors, key).findings();
        assertThat(after).anySatisfy(f -> assertThat(f.toString())
                .contains("rolled back", "digest 7 anchors position 6, behind position 7 in digest 6"));
    }
}
