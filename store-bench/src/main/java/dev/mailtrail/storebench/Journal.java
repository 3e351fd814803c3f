package dev.mailtrail.storebench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A write-ahead journal in front of an index that commits rarely (Elasticsearch's translog): each batch is written
 * and fsynced here before the index sees it, and the journal is emptied once the index has committed. After a
 * crash, replaying it into the index restores every acknowledged record; the AuditData alone is enough, since
 * every indexed column comes from it. Records are {@code seq, length, UTF-8 AuditData}.
 */
final class Journal implements AutoCloseable {
    private final FileChannel channel;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(16 << 20);

    Journal(Path file) throws IOException {
        channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    void append(List<BenchRecord> batch) throws IOException {
        buffer.clear();
        for (BenchRecord record : batch) {
            byte[] auditData = record.auditData().getBytes(StandardCharsets.UTF_8);
            if (buffer.remaining() < 12 + auditData.length) {
                grow(12 + auditData.length);
            }
            buffer.putLong(record.seq()).putInt(auditData.length).put(auditData);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** Called once the index has committed everything the journal holds. */
    void truncate() throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void grow(int needed) {
        ByteBuffer larger = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, buffer.position() + needed));
        buffer.flip();
        buffer = larger.put(buffer);
    }
}
