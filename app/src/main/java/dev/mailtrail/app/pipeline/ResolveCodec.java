package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.format.event.EventFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PipelineEntry.Resolve} as a journal payload: the kind and the time (all an entry held before names were
 * journaled, so such an entry still reads, with no names), then the count of names and each name's item id,
 * InternetMessageId, subject (UTF-8, length-prefixed, -1 for none) and size (-1 for none).
 */
final class ResolveCodec {
    private ResolveCodec() {}

    static byte[] encode(PipelineEntry.Resolve resolve) {
        List<byte[]> strings = new ArrayList<>();
        int size = 1 + Long.BYTES;
        if (!resolve.names().isEmpty()) {
            size += Integer.BYTES;
            for (ItemRef name : resolve.names()) {
                for (String s : new String[] {name.id(), name.internetMessageId(), name.subject()}) {
                    byte[] b = s == null ? null : s.getBytes(StandardCharsets.UTF_8);
                    strings.add(b);
                    size += Integer.BYTES + (b == null ? 0 : b.length);
                }
                size += Long.BYTES;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size)
                .put(PipelineEntry.RESOLVE)
                .putLong(resolve.time().toEpochMilli());
        if (!resolve.names().isEmpty()) {
            out.putInt(resolve.names().size());
            int at = 0;
            for (ItemRef name : resolve.names()) {
                for (int i = 0; i < 3; i++) {
                    byte[] b = strings.get(at++);
                    out.putInt(b == null ? -1 : b.length);
                    if (b != null) {
                        out.put(b);
                    }
                }
                out.putLong(name.sizeInBytes() == null ? -1 : name.sizeInBytes());
            }
        }
        return out.array();
    }

    static PipelineEntry.Resolve decode(byte[] payload) throws EventFormatException {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload, 1, payload.length - 1);
            Instant time = Instant.ofEpochMilli(in.getLong());
            List<ItemRef> names = new ArrayList<>();
            if (in.hasRemaining()) {
                int count = in.getInt();
                for (int i = 0; i < count; i++) {
                    String id = string(in);
                    String messageId = string(in);
                    String subject = string(in);
                    long size = in.getLong();
                    names.add(new ItemRef(messageId, id, size < 0 ? null : size, subject));
                }
            }
            return new PipelineEntry.Resolve(time, names);
        } catch (RuntimeException e) {
            throw new EventFormatException(null, "a resolution of intents cut short");
        }
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
