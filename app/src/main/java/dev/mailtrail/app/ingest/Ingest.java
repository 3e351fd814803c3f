package dev.mailtrail.app.ingest;

import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.app.replay.EventLines;
import dev.mailtrail.app.replay.EventSource;
import dev.mailtrail.core.event.AuditEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads event lines and hands them to the pipeline in groups (one journal write and fsync per group, several
 * groups in flight), reporting each malformed, non-UTF-8 or over-long line with its file and line and going on.
 */
final class Ingest {
    private static final int GROUP = 2_000;
    private static final int IN_FLIGHT = 8;

    private final AuditBackend pipeline;
    private final PrintWriter err;
    private final boolean progress;
    private final int maxLineBytes;
    private final IngestFormat format;
    private final List<CompletableFuture<Long>> inFlight = new ArrayList<>();
    private long events;
    private long rejected;
    private long lastProgress;

    Ingest(AuditBackend pipeline, PrintWriter err, boolean progress, int maxLineBytes) {
        this(pipeline, err, progress, maxLineBytes, IngestFormat.ACCESS_EVENTS);
    }

    Ingest(AuditBackend pipeline, PrintWriter err, boolean progress, int maxLineBytes, IngestFormat format) {
        this.pipeline = pipeline;
        this.format = format;
        this.maxLineBytes = maxLineBytes;
        this.err = err;
        this.progress = progress;
    }

    /** @param before the records the backend had made before this run (what the summary counts from) */
    IngestSummary run(List<EventSource> sources, InputStream stdin, long before) throws IOException {
        long started = System.nanoTime();
        boolean unreadable = false;
        for (EventSource source : sources) {
            if (!ingest(source, stdin)) {
                unreadable = true;
            }
        }
        send(new ArrayList<>(format.end())); // what the format held back until the end of input
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
        try (EventLines lines = source.open(stdin, maxLineBytes)) {
            for (EventLines.Line line = lines.next(); line != null; line = lines.next()) {
                switch (line) {
                    case EventLines.Bad bad -> {
                        err.println(source.name() + ":" + bad.number() + ": " + bad.reason());
                        rejected++;
                    }
                    case EventLines.Text text when text.text().isBlank() -> {}
                    case EventLines.Text text -> {
                        try {
                            group.addAll(format.read(text.text()));
                        } catch (IngestFormat.Rejected e) {
                            err.println(source.name() + ":" + text.number() + ": " + e.getMessage());
                            rejected++;
                            continue;
                        }
                        // a full group, or nothing more to read right now (a pipe fed as events happen): journal
                        // what is here
                        if (group.size() >= GROUP || !lines.ready()) {
                            send(group);
                            group = new ArrayList<>(GROUP);
                        }
                    }
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
