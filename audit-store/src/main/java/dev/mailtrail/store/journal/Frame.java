package dev.mailtrail.store.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk frame: {@code length:int32 | crc32c:int32 | sequence:int64 | payload}, big-endian. The checksum
 * covers the sequence and the payload, so a torn or misplaced write is detected, never read as an event.
 */
final class Frame {
    static final int HEADER = 16;
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    private Frame() {}

    static int size(byte[] payload) {
        return HEADER + payload.length;
    }

    static void write(ByteBuffer buffer, long sequence, byte[] payload) {
        buffer.putInt(payload.length);
        buffer.putInt(checksum(sequence, payload, 0, payload.length));
        buffer.putLong(sequence);
        buffer.put(payload);
    }

    static int checksum(long sequence, byte[] payload, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, sequence));
        crc.update(payload, offset, length);
        return (int) crc.getValue();
    }
}
