package dev.mailtrail.app.investigate;

import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import dev.mailtrail.investigate.importer.identity.KnownRecords;
import dev.mailtrail.investigate.importer.identity.RecordIdentity;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The identities of a case's records, so an import run later recognises what an earlier one stored: 16 bytes an
 * identity, appended and forced to disk after the records they stand for are committed. A crash between the two
 * leaves records without their identities (a later import may store them twice), never identities without their
 * records (which would drop records). A torn last entry is ignored.
 */
final class KnownRecordsFile implements KnownRecords {
    private static final int ENTRY = 16;

    private final Path file;
    private final InMemoryKnownRecords known = new InMemoryKnownRecords();
    // The identities added since the last persist, two longs each: no object per record, however large the import.
    private long[] pending = new long[2 * 1024];
    private int pendingLongs;

    KnownRecordsFile(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                    DataInputStream data = new DataInputStream(in)) {
                long entries = Files.size(file) / ENTRY;
                for (long i = 0; i < entries; i++) {
                    known.add(new RecordIdentity(data.readLong(), data.readLong()));
                }
            } catch (EOFException torn) {
                // The file shrank while read: what was read is what counts.
            }
        }
    }

    @Override
    public boolean add(RecordIdentity identity) {
        boolean added = known.add(identity);
        if (added) {
            if (pendingLongs == pending.length) {
                pending = java.util.Arrays.copyOf(pending, pending.length * 2);
            }
            pending[pendingLongs++] = identity.high();
            pending[pendingLongs++] = identity.low();
        }
        return added;
    }

    @Override
    public long size() {
        return known.size();
    }

    /** Appends the identities added since the last call and forces them to disk; call after the records commit. */
    void persist() throws IOException {
        if (pendingLongs == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long size = channel.size();
            if (size % ENTRY != 0) {
                // A torn entry from a crash: cut it, so entries stay aligned.
                channel.truncate(size - size % ENTRY);
            }
            ByteBuffer buffer = ByteBuffer.allocate(ENTRY * 4096);
            for (int i = 0; i < pendingLongs; i += 2) {
                if (!buffer.hasRemaining()) {
                    write(channel, buffer);
                }
                buffer.putLong(pending[i]).putLong(pending[i + 1]);
            }
            write(channel, buffer);
            channel.force(true);
        }
        pendingLongs = 0;
    }

    private static void write(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
