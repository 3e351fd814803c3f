package dev.mailtrail.proxy.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Feeds bytes whole, split at every offset and one byte at a time, and checks each gives the same result. */
final class Feeding {
    private Feeding() {}

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static <D, R> List<R> whole(D decoder, Function<D, Function<ByteBuffer, List<R>>> feed, byte[] bytes) {
        return new ArrayList<>(feed.apply(decoder).apply(ByteBuffer.wrap(bytes)));
    }

    /** The result of feeding {@code bytes} whole, after checking every two-way split and byte-wise feeding agree. */
    static <D, R> List<R> everySplit(Supplier<D> fresh, Function<D, Function<ByteBuffer, List<R>>> feed, byte[] bytes) {
        List<R> expected = whole(fresh.get(), feed, bytes);
        for (int k = 1; k < bytes.length; k++) {
            D d = fresh.get();
            List<R> got = new ArrayList<>(feed.apply(d).apply(ByteBuffer.wrap(bytes, 0, k)));
            got.addAll(feed.apply(d).apply(ByteBuffer.wrap(bytes, k, bytes.length - k)));
            assertThat(got).as("split at %d", k).isEqualTo(expected);
        }
        D d = fresh.get();
        List<R> got = new ArrayList<>();
        for (byte b : bytes) {
            got.addAll(feed.apply(d).apply(ByteBuffer.wrap(new byte[] {b})));
        }
        assertThat(got).as("byte by byte").isEqualTo(expected);
        return expected;
    }
}
