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
import java.util.ArrayList;
import java.util.List;

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
    private final List<RecordIdentity> pending = new ArrayList<>();

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
            pending.add(identity);
        }
        return added;
    }

    @Override
    public long size() {
        return known.size();
    }

    /** Appends the identities added since the last call and forces them to disk; call after the records commit. */
    void persist() throws IOException {
        if (pending.isEmpty()) {
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
            for (RecordIdentity identity : pending) {
                if (!buffer.hasRemaining()) {
                    write(channel, buffer);
                }
                buffer.putLong(identity.high()).putLong(identity.low());
            }
            write(channel, buffer);
            channel.force(true);
        }
        pending.clear();
    }

    private static void write(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
