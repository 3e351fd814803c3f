package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.anchors.AnchorCheck;
import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.store.anchor.AnchorReport;
import dev.mailtrail.store.anchor.AnchorVerifier;
import dev.mailtrail.store.anchor.DigestFile;
import dev.mailtrail.store.anchor.SigningKey;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.LucenePresentLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests written by a real pipeline: across kill -9 (torn digests), and against a directory swapped while running. */
class AnchoredPipelineTest {
    @TempDir
    Path dir;

    @Test
    void killNineWhileDigestsAreWrittenLeavesAChainThatContinuesAndVerifies() throws Exception {
        Path data = dir.resolve("data");
        Path anchors = dir.resolve("anchors");
        Path key = dir.resolve("keys/signing.key");
        Random random = new Random(11);
        long next = 1;
        int runs = Integer.getInteger("mailtrail.crashRuns", 3);
        for (int run = 0; run < runs; run++) {
            Process writer = MtProcess.start(
                    data,
                    "class:" + AnchoredCrashWriter.class.getName(),
                    data.toString(),
                    Long.toString(next),
                    anchors.toString(),
                    key.toString());
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            long killAt = System.nanoTime() + (300 + random.nextInt(1_200)) * 1_000_000L;
            String line;
            while ((line = lines.readLine()) != null) {
                next = Long.parseLong(line.split(" ")[1]) + 1;
                if (System.nanoTime() > killAt) {
                    writer.toHandle().destroyForcibly();
                    break;
                }
            }
            writer.waitFor();
            assertThat(verify(data, anchors, key).findings())
                    .as("after kill %d", run)
                    .isEmpty();
            if (run == 0) {
                // the outcome of a kill in the middle of a digest's write, made certain once
                Path last = lastDigest(anchors);
                byte[] whole = Files.readAllBytes(last);
                Files.write(last, java.util.Arrays.copyOf(whole, whole.length / 3));
            }
        }
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), AnchoredCrashWriter.options(anchors, key), "check")) {
            pipeline.commit();
        }
        AnchorReport report = verify(data, anchors, key);
        assertThat(report.findings()).isEmpty();
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("is torn (a crash while it was written)"));
        assertThat(report.digests()).isGreaterThan(runs);
    }

    @Test
    void aStoreRolledBackUnderARunningPipelineIsNamed() throws Exception {
        Path data = dir.resolve("data");
        Path anchors = dir.resolve("anchors");
        Path key = dir.resolve("keys/signing.key");
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), AnchoredCrashWriter.options(anchors, key), "test")) {
            pipeline.submitAll(sends(1, 30)).get();
            pipeline.commit();
            Path store = data.resolve(AuditLogs.MAILBOX_LOG);
            Path snapshot = dir.resolve("snapshot");
            copy(store, snapshot);
            pipeline.submitAll(sends(31, 30)).get();
            pipeline.commit();

            Path live = dir.resolve("live");
            Files.move(store, live);
            Files.move(snapshot, store);
            StringWriter out = new StringWriter();
            boolean consistent = AnchorCheck.run(
                    data, List.of(AuditLogs.MAILBOX_LOG, AuditLogs.UNIFIED_LOG), anchors, null, new PrintWriter(out));
            // the live store back in its place before the pipeline closes
            deleteTree(store);
            Files.move(live, store);

            assertThat(consistent).isFalse();
            assertThat(out.toString())
                    .contains("tail cut: mailbox-audit-log mailbox:alice@contoso.com: it ends at position 30")
                    .contains("records from position 31 on were removed")
                    .contains("changed since, or rolled back to an older copy");
        }
        assertThat(verify(data, anchors, key).findings()).isEmpty();
    }

    private static List<AuditEvent> sends(long first, int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (long n = first; n < first + count; n++) {
            events.add(PipelineCrashWriter.send(n));
        }
        return events;
    }

    private static AnchorReport verify(Path data, Path anchors, Path key) throws Exception {
        Map<String, LuceneAuditLog> open = new HashMap<>();
        try {
            for (String store : List.of(AuditLogs.MAILBOX_LOG, AuditLogs.UNIFIED_LOG)) {
                if (Files.exists(data.resolve(store))) {
                    open.put(store, LuceneAuditLog.openForSearch(data.resolve(store)));
                }
            }
            return AnchorVerifier.verify(anchors, SigningKey.load(key).verificationKey(), new LucenePresentLog(open));
        } finally {
            for (LuceneAuditLog log : open.values()) {
                log.close();
            }
        }
    }

    private static Path lastDigest(Path anchors) throws Exception {
        try (Stream<Path> files = Files.list(anchors)) {
            return files.filter(p -> DigestFile.sequenceOf(p.getFileName().toString()) > 0)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path tree) throws Exception {
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
