package dev.mailtrail.app.demo;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** What the demo tests share: free ports, a real client run as a program, and the records a data directory holds. */
final class DemoRun {
    private DemoRun() {}

    /** Options for a demo on ports the kernel had free, so tests never collide with a running demo. */
    static DemoOptions onFreePorts(Path data, DemoBackend backend) {
        return new DemoOptions(
                data,
                backend,
                dev.mailtrail.demo.LoopbackPort.anyFree(RunningDemo.HOST),
                dev.mailtrail.demo.LoopbackPort.anyFree(RunningDemo.HOST),
                dev.mailtrail.demo.LoopbackPort.anyFree(RunningDemo.HOST),
                // submission and ManageSieve are bound by the proxy itself (port 0): a port chosen here could be
                // taken by the mail server started before the proxy binds
                dev.mailtrail.demo.LoopbackPort.anyFree(RunningDemo.HOST));
    }

    /** Reads {@code mt demo}'s standard output up to the banner's last line; fails if the demo ends first. */
    static List<String> readBanner(Process demo) throws IOException {
        List<String> lines = new ArrayList<>();
        java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("Ctrl-C stops the demo")) {
                return lines;
            }
        }
        throw new AssertionError("mt demo ended before its banner was complete: " + lines);
    }

    /** Runs a Python 3 script to its end (60 s at most); returns what it printed, failing on a non-zero exit. */
    static String python(Path dir, String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "client", ".py");
        Files.writeString(file, script);
        return run("the Python client", "python3", file.toString());
    }

    /** Runs lines as a user pastes them into bash; returns what they printed, failing on a non-zero exit. */
    static String bash(String lines) throws IOException, InterruptedException {
        return run(lines, "bash", "-e", "-c", lines);
    }

    /** Runs one command line as a user pastes it into a POSIX shell; returns what it printed. */
    static String shell(Path dir, String commandLine) throws IOException, InterruptedException {
        return run(commandLine, "sh", "-c", commandLine);
    }

    private static String run(String what, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(what + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(what + " exited " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    /** The MailItemsAccessed records of {@code mailbox} the data directory holds, opened afresh. */
    static List<FoundRecord> mailItemsAccessed(Path data, String mailbox) throws IOException {
        return records(
                data,
                RecordQuery.between(Instant.EPOCH, Instant.now().plusSeconds(3600))
                        .withMailboxes(Set.of(mailbox))
                        .withOperations(Set.of("MailItemsAccessed")));
    }

    /** The mailbox audit log's records matching {@code query}, the data directory opened afresh. */
    static List<FoundRecord> records(Path data, RecordQuery query) throws IOException {
        List<FoundRecord> found = new ArrayList<>();
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "demo test")) {
            pipeline.mailboxLog().search(query, 1000, found::add);
        }
        return found;
    }
}
