package dev.mailtrail.app.pipeline;

import dev.mailtrail.store.journal.EventJournal;
import dev.mailtrail.store.journal.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the journal and decodes its entries on a thread of its own, a batch at a time, while the caller applies
 * them: on replay, decoding (the larger half of the work) runs beside the audit core instead of before it.
 */
final class DecodingReader {
    /** One decoded journal entry. */
    record Decoded(long sequence, PipelineEntry entry) {}

    private static final int BATCH = 1_024;
    private static final List<Decoded> END = List.of();

    /** Thrown inside the reading thread to abandon the read once the applying side has stopped. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<List<Decoded>> batches = new ArrayBlockingQueue<>(16);
    private volatile boolean stopped;
    private volatile Throwable failure;

    private DecodingReader() {}

    /** Applies, in order, every durable entry from {@code fromSequence} on, decoded by {@code decode}. */
    static void read(
            EventJournal journal,
            long fromSequence,
            Function<JournalEntry, PipelineEntry> decode,
            Consumer<Decoded> apply)
            throws IOException {
        new DecodingReader().run(journal, fromSequence, decode, apply);
    }

    private void run(
            EventJournal journal,
            long fromSequence,
            Function<JournalEntry, PipelineEntry> decode,
            Consumer<Decoded> apply)
            throws IOException {
        Thread reader = Thread.ofPlatform()
                .name("mailtrail-replay-decoder")
                .daemon()
                .start(() -> decodeAll(journal, fromSequence, decode));
        try {
            for (List<Decoded> batch = batches.take(); batch != END; batch = batches.take()) {
                batch.forEach(apply);
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while replaying the journal", e);
        } finally {
            stopped = true;
            batches.clear();
        }
        switch (failure) {
            case null -> {}
            case IOException io -> throw io;
            case UncheckedIOException unchecked -> throw unchecked.getCause();
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            default -> throw new IOException(failure);
        }
    }

    private void decodeAll(EventJournal journal, long fromSequence, Function<JournalEntry, PipelineEntry> decode) {
        List<Decoded> batch = new ArrayList<>(BATCH);
        try {
            journal.read(fromSequence, entry -> {
                batch.add(new Decoded(entry.sequence(), decode.apply(entry)));
                if (batch.size() == BATCH && !hand(List.copyOf(batch))) {
                    throw new Abandoned();
                }
                if (batch.size() == BATCH) {
                    batch.clear();
                }
            });
            hand(List.copyOf(batch));
        } catch (Abandoned e) {
            // the applying side stopped first and reports why
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        } finally {
            hand(END);
        }
    }

    /** Puts a batch in the queue; false once the applying side has stopped (it failed, or it is done). */
    private boolean hand(List<Decoded> batch) {
        try {
            while (!batches.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
