package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.ExportReaders.OpenedExport;
import dev.mailtrail.investigate.importer.detect.ExportFile;
import dev.mailtrail.investigate.importer.identity.KnownRecords;
import dev.mailtrail.investigate.importer.source.SourceUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One file through the pipeline: a reader thread cuts it into chunks of units and submits each to the workers;
 * the calling thread takes the decoded chunks back in file order, drops duplicates and feeds the sink. The queue
 * between them is bounded, so a slow sink slows the reader and memory stays at a few chunks per worker.
 */
final class FileImport {
    private final ExportFile file;
    private final OpenedExport export;
    private final ChunkDecoder decoder;
    private final ExecutorService workers;
    private final int chunkRecords;
    private final BlockingQueue<Future<DecodedChunk>> decoded;

    FileImport(
            ExportFile file,
            OpenedExport export,
            ChunkDecoder decoder,
            ExecutorService workers,
            ImportOptions options) {
        this.file = file;
        this.export = export;
        this.decoder = decoder;
        this.workers = workers;
        this.chunkRecords = options.chunkRecords();
        this.decoded = new ArrayBlockingQueue<>(options.workers() * 2 + 2);
    }

    FileSummary run(RecordSink sink, KnownRecords known, ProgressMeter progress)
            throws IOException, InterruptedException {
        Thread reader = Thread.ofPlatform().name("mt-import-reader").daemon().start(this::readChunks);
        Counts counts = new Counts();
        try {
            while (true) {
                DecodedChunk chunk = take();
                if (chunk.end()) {
                    break;
                }
                deliver(chunk, sink, known, counts);
                progress.fileAt(file.path(), chunk.bytesRead());
            }
        } finally {
            reader.interrupt();
            reader.join();
            decoded.forEach(pending -> pending.cancel(true));
        }
        progress.fileDone(file.path(), file.size());
        return new FileSummary(
                file.path(),
                file.format(),
                file.size(),
                counts.read,
                counts.imported,
                counts.duplicates,
                counts.rejected);
    }

    private static void deliver(DecodedChunk chunk, RecordSink sink, KnownRecords known, Counts counts)
            throws IOException {
        for (DecodedChunk.Decoded result : chunk.results()) {
            counts.read++;
            switch (result) {
                case DecodedChunk.Record(ImportedRecord record) -> {
                    if (known.add(record.identity())) {
                        sink.accept(record);
                        counts.imported++;
                    } else {
                        counts.duplicates++;
                    }
                }
                case DecodedChunk.Rejected(Reject reject) -> {
                    sink.reject(reject);
                    counts.rejected++;
                }
            }
        }
    }

    /** The reader thread: cut, submit, and finally an end marker, or the failure that stopped it. */
    private void readChunks() {
        try (var units = export.units()) {
            long index = 1;
            List<SourceUnit> chunk = new ArrayList<>(chunkRecords);
            for (SourceUnit unit = units.next(); unit != null; unit = units.next()) {
                chunk.add(unit);
                if (chunk.size() == chunkRecords) {
                    submit(chunk, index);
                    index += chunk.size();
                    chunk = new ArrayList<>(chunkRecords);
                }
            }
            if (!chunk.isEmpty()) {
                submit(chunk, index);
            }
            decoded.put(CompletableFuture.completedFuture(DecodedChunk.END));
        } catch (InterruptedException stopped) {
            // The consumer gave up (its sink failed); it reports why.
        } catch (IOException | RuntimeException | Error failed) {
            // Whatever stopped the reader reaches the consumer, which would otherwise wait for chunks forever.
            hand(failed);
        }
    }

    private void hand(Throwable failure) {
        try {
            decoded.put(CompletableFuture.failedFuture(failure));
        } catch (InterruptedException stopped) {
            // The consumer gave up first; its own failure is the one reported.
        }
    }

    private void submit(List<SourceUnit> units, long firstIndex) throws InterruptedException {
        UnitChunk chunk = new UnitChunk(units, firstIndex, export.counter().count());
        decoded.put(workers.submit(() -> decoder.decode(chunk)));
    }

    private DecodedChunk take() throws IOException, InterruptedException {
        try {
            return decoded.take().get();
        } catch (ExecutionException failed) {
            switch (failed.getCause()) {
                case IOException io -> throw io;
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException bug -> throw bug;
                case Error error -> throw error;
                default -> throw new IllegalStateException("reading " + file.path() + " failed", failed.getCause());
            }
        }
    }

    private static final class Counts {
        long read;
        long imported;
        long duplicates;
        long rejected;
    }
}
