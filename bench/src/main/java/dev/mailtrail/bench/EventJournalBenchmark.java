package dev.mailtrail.bench;

import dev.mailtrail.store.journal.EventJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable events per second through {@link EventJournal}: each operation is one event of a realistic size
 * (an access-event JSON line), and an invocation appends a batch and waits until it is fsynced, as an ingest
 * or a proxy holding a read until it is journaled does. {@code batch}: events per append; run with
 * {@code -t 4} to see group commit across concurrent appenders.
 * Run: {@code ./mt bench EventJournal}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Threads(1)
public class EventJournalBenchmark {
    private static final int EVENTS = 1_000;

    @Param({"1000", "1"})
    int batch;

    private Path directory;
    private EventJournal journal;
    private List<byte[]> events;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("mailtrail-journal-bench");
        journal = EventJournal.open(directory);
        events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            events.add(("{\"time\":\"2026-03-02T09:15:04.120Z\",\"kind\":\"access\",\"actor\":\"user" + (i % 977)
                            + "@contoso.com\",\"mailbox\":\"user" + (i % 977)
                            + "@contoso.com\",\"logonType\":\"Owner\","
                            + "\"operation\":\"MailItemsAccessed\",\"accessType\":\"Bind\",\"session\":{\"id\":\"s"
                            + i + "\",\"clientIp\":\"203.0.113.7\",\"clientInfo\":\"Client=IMAP4; name=mutt\"},"
                            + "\"folder\":{\"id\":\"INBOX;uidvalidity=1700000000\",\"path\":\"\\\\Inbox\"},"
                            + "\"items\":[{\"internetMessageId\":\"<m" + i + "@contoso.com>\",\"size\":48213}]}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long appendDurably() throws IOException {
        long last = 0;
        for (int from = 0; from < EVENTS; from += batch) {
            last = EventJournal.await(journal.appendAll(events.subList(from, Math.min(EVENTS, from + batch))));
        }
        return last;
    }
}
