package dev.mailtrail.app.ingest;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.replay.EventSource;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.EventFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads event lines and hands them to the pipeline in groups (one journal write and fsync per group, several
 * groups in flight), reporting each malformed line with its file and line and going on.
 */
final class Ingest {
    private static final int GROUP = 2_000;
    private static final int IN_FLIGHT = 8;

    private final AuditPipeline pipeline;
    private final PrintWriter err;
    private final boolean progress;
    private final AccessEventReader reader = new AccessEventReader();
    private final List<CompletableFuture<Long>> inFlight = new ArrayList<>();
    private long events;
    private long rejected;
    private long lastProgress;

    Ingest(AuditPipeline pipeline, PrintWriter err, boolean progress) {
        this.pipeline = pipeline;
        this.err = err;
        this.progress = progress;
    }

    IngestSummary run(List<EventSource> sources, InputStream stdin) throws IOException {
        long before = pipeline.recordsMade();
        long started = System.nanoTime();
        boolean unreadable = false;
        for (EventSource source : sources) {
            if (!ingest(source, stdin)) {
                unreadable = true;
            }
        }
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (progress) {
            err.print("\r\033[K");
        }
        return new IngestSummary(events, rejected, unreadable, seconds, before, before);
    }

    private boolean ingest(EventSource source, InputStream stdin) throws IOException {
        List<AuditEvent> group = new ArrayList<>(GROUP);
        long lineNumber = 0;
        try (BufferedReader lines = source.open(stdin)) {
            String line;
            while (true) {
                try {
                    line = lines.readLine();
                } catch (CharacterCodingException e) {
                    err.println(source.name() + ":" + (lineNumber + 1)
                            + ": not UTF-8 text; the rest of the file is skipped");
                    return false;
                }
                if (line == null) {
                    break;
                }
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    group.add(reader.read(line));
                } catch (EventFormatException e) {
                    err.println(source.name() + ":" + lineNumber + ": " + e.getMessage());
                    rejected++;
                    continue;
                }
                if (group.size() == GROUP) {
                    send(group);
                    group = new ArrayList<>(GROUP);
                }
            }
        } catch (NoSuchFileException e) {
            err.println(source.name() + ": no such file");
            return false;
        }
        send(group);
        return true;
    }

    private void send(List<AuditEvent> group) throws IOException {
        if (group.isEmpty()) {
            return;
        }
        inFlight.add(pipeline.submitAll(group));
        events += group.size();
        while (inFlight.size() > IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        if (progress && System.nanoTime() - lastProgress > 250_000_000L) {
            lastProgress = System.nanoTime();
            err.printf(Locale.ROOT, "\r\033[K  %,d events journaled, %d rejected", events, rejected);
            err.flush();
        }
    }

    private static void await(CompletableFuture<Long> durable) throws IOException {
        try {
            durable.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("the journal refused events: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
