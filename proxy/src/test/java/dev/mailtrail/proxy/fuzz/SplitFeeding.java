package dev.mailtrail.proxy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The contract every incremental codec of the proxy states, checked on fuzzer-chosen input: bytes fed in any split
 * give the same results as fed whole, the caller's buffer is left as it was, and a bound holds after every chunk.
 * A codec's fuzz target is then its constructor, its feed method and its bound.
 */
public final class SplitFeeding {

    private SplitFeeding() {}

    /** Input and the sizes of the pieces to cut it into, both chosen by the fuzzer. */
    public record Split(byte[] bytes, int[] pieces) {}

    /** Takes up to eight piece sizes (1 to 64 bytes, used in turn) and the rest of the data as the input. */
    public static Split split(FuzzedDataProvider data) {
        int count = data.consumeInt(1, 8);
        int[] pieces = new int[count];
        for (int i = 0; i < count; i++) {
            pieces[i] = data.consumeInt(1, 64);
        }
        return new Split(data.consumeRemainingAsBytes(), pieces);
    }

    /**
     * Feeds {@code split} whole to one codec and piece by piece to another, checking after each piece that the buffer
     * was not moved and {@code bound} holds; asserts both read the same and returns what they read.
     */
    public static <D, R> List<R> sameInAnySplit(
            Split split, Supplier<D> fresh, BiFunction<D, ByteBuffer, List<R>> feed, Consumer<D> bound) {
        byte[] bytes = split.bytes();
        D whole = fresh.get();
        List<R> expected = fed(whole, feed, ByteBuffer.wrap(bytes));
        bound.accept(whole);
        D pieces = fresh.get();
        List<R> got = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < bytes.length; i++) {
            int n = Math.min(split.pieces()[i % split.pieces().length], bytes.length - at);
            got.addAll(fed(pieces, feed, ByteBuffer.wrap(bytes, at, n)));
            bound.accept(pieces);
            at += n;
        }
        assertThat(render(got)).as("read piece by piece").isEqualTo(render(expected));
        return expected;
    }

    private static <D, R> List<R> fed(D codec, BiFunction<D, ByteBuffer, List<R>> feed, ByteBuffer buffer) {
        int position = buffer.position();
        int limit = buffer.limit();
        List<R> out = feed.apply(codec, buffer);
        assertThat(buffer.position()).as("buffer position").isEqualTo(position);
        assertThat(buffer.limit()).as("buffer limit").isEqualTo(limit);
        assertThat(out).as("results").doesNotContainNull();
        return out;
    }

    /**
     * A full rendering of what a codec returned, records component by component and byte arrays in hex: the codecs'
     * own {@code toString} redacts secrets and arrays compare by identity, so neither can tell two results apart.
     */
    public static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SplitFeeding::render).toList().toString();
        }
        if (value instanceof Record record) {
            StringBuilder s = new StringBuilder(record.getClass().getSimpleName()).append('[');
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    s.append(c.getName())
                            .append('=')
                            .append(render(accessor.invoke(record)))
                            .append(' ');
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot read " + c, e);
                }
            }
            return s.append(']').toString();
        }
        if (value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value});
        }
        return value.toString();
    }
}
