package dev.mailtrail.app.pipeline;

import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes snapshots of a core holding a few thousand entries' state, one after another with rising sequence numbers,
 * until it is killed; prints {@code written SEQUENCE} once each is in place.
 */
public final class SnapshotCrashWriter {
    private SnapshotCrashWriter() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long sequence = Long.parseLong(args[1]);
        if (!Files.exists(data.resolve(RecordIds.FILE))) {
            Files.writeString(data.resolve(RecordIds.FILE), "00000000-0000-0000-0000-0000000000cc\n");
        }
        JournalDrivenCore core = new JournalDrivenCore(RecordIds.of(data), (record, organization) -> {}, loss -> {});
        RandomEntries.of(11, 20_000, true).forEach(core::apply);
        CoreSnapshots snapshots = new CoreSnapshots(data, 2);
        while (true) {
            snapshots.write(sequence, core.recordsMade(), Instant.EPOCH, core.sections());
            snapshots.prune(1, s -> s);
            System.out.println("written " + sequence);
            System.out.flush();
            sequence++;
        }
    }
}
