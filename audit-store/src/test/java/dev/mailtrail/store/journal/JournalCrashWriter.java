package dev.mailtrail.store.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The process {@link JournalCrashTest} kills: appends in small concurrent batches, prints each ack. */
public final class JournalCrashWriter {
    private JournalCrashWriter() {}

    static String payload(long sequence) {
        return "{\"event\":" + sequence + ",\"pad\":\"" + "x".repeat((int) (sequence % 300)) + "\"}";
    }

    public static void main(String[] args) throws Exception {
        try (EventJournal journal = EventJournal.open(Path.of(args[0]), 64 * 1024)) {
            long next = journal.durableSequence() + 1;
            while (true) {
                List<CompletableFuture<Long>> inFlight = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    List<byte[]> batch = new ArrayList<>();
                    for (int j = 0; j < 8; j++) {
                        batch.add(payload(next++).getBytes(StandardCharsets.UTF_8));
                    }
                    inFlight.add(journal.appendAll(batch));
                }
                for (CompletableFuture<Long> durable : inFlight) {
                    System.out.println(durable.join());
                }
                System.out.flush();
            }
        }
    }
}
