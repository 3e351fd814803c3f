package dev.mailtrail.proxy.managesieve.codec;

import dev.mailtrail.proxy.line.LineSyntaxException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Follows ManageSieve server output fed in any split. A response is any number of data lines (strings, literals
 * announced by {@code {n}}) ended by {@code OK}, {@code NO} or {@code BYE}; during AUTHENTICATE a lone string is a
 * SASL challenge instead, so the caller reports each command sent with {@link #expect}. Lines are bounded by
 * {@code maxLineLength} (the rest counted, not kept), literals kept up to {@code captureLimit}. Reads without moving
 * the buffer it is given. Not thread-safe.
 */
public final class SieveResponseScanner {

    private final int maxLineLength;
    private final int captureLimit;
    private final Deque<String> expected = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long lineLength;
    private boolean overLong;

    private final List<String> words = new ArrayList<>();
    private boolean continued;
    private boolean truncated;
    private long literalLeft;
    private ByteArrayOutputStream literal;
    private boolean inResponse;
    private SieveResponse.Status status;

    public SieveResponseScanner(int maxLineLength, int captureLimit) {
        this.maxLineLength = maxLineLength;
        this.captureLimit = captureLimit;
    }

    /** A command went to the server; its answer comes in order. */
    public void expect(String command) {
        expected.add(command);
    }

    /** True when no response is partly read: the next byte starts a new response. */
    public boolean atResponseStart() {
        return !inResponse && !continued && literalLeft == 0 && lineLength == 0;
    }

    /** Bytes of a server literal still to come; 0 outside literals. */
    public long literalBytesLeft() {
        return literalLeft;
    }

    public List<SieveResponse> feed(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        List<SieveResponse> out = new ArrayList<>();
        while (in.hasRemaining()) {
            if (literalLeft > 0) {
                literalBytes(in);
                continue;
            }
            byte b = in.get();
            lineLength++;
            if (b == '\n') {
                lineDone(out);
                continue;
            }
            if (line.size() < maxLineLength) {
                line.write(b);
            } else {
                overLong = true;
            }
        }
        return out;
    }

    private void literalBytes(ByteBuffer in) {
        int n = (int) Math.min(in.remaining(), literalLeft);
        int keep = (int) Math.max(0, Math.min(n, captureLimit - literal.size()));
        byte[] kept = new byte[keep];
        in.get(kept);
        literal.writeBytes(kept);
        in.position(in.position() + n - keep);
        truncated |= keep < n;
        literalLeft -= n;
        if (literalLeft == 0) {
            words.add(literal.toString(StandardCharsets.UTF_8));
            literal = null;
        }
    }

    private void lineDone(List<SieveResponse> out) {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        boolean tooLong = overLong;
        line.reset();
        lineLength = 0;
        overLong = false;
        inResponse = true;
        if (tooLong) {
            endLine(out, new SieveResponse.Unreadable("line longer than " + maxLineLength + " bytes"));
            return;
        }
        SieveTokens tokens;
        try {
            tokens = SieveTokens.read(bytes, length);
        } catch (LineSyntaxException e) {
            endLine(out, new SieveResponse.Unreadable(e.getMessage()));
            return;
        }
        if (!continued) {
            status = tokens.tokens().isEmpty() ? null : status(tokens.tokens().getFirst());
        }
        for (SieveTokens.Token t : tokens.tokens()) {
            words.add(t.string() ? t.text() : "\0" + t.text());
        }
        if (tokens.literal() >= 0) {
            continued = true;
            literalLeft = tokens.literal();
            literal = new ByteArrayOutputStream();
            if (literalLeft == 0) {
                words.add("");
                literal = null;
            }
            return;
        }
        if (status != null) {
            endLine(out, finalResponse(status));
            expected.poll();
            inResponse = false;
        } else if ("AUTHENTICATE".equals(expected.peek())
                && words.size() == 1
                && !words.getFirst().startsWith("\0")) {
            endLine(out, new SieveResponse.Continuation(words.getFirst()));
            inResponse = false;
        } else {
            endLine(out, new SieveResponse.Data(plain(words), truncated));
        }
    }

    private void endLine(List<SieveResponse> out, SieveResponse response) {
        out.add(response);
        status = null;
        words.clear();
        continued = false;
        truncated = false;
    }

    /** OK, NO or BYE, then an optional {@code (CODE …)}, then optional text. */
    private SieveResponse.Final finalResponse(SieveResponse.Status status) {
        List<String> rest = plain(words.subList(1, words.size()));
        String code = null;
        int i = 0;
        if (!words.isEmpty() && words.size() > 1 && words.get(1).equals("\0(")) {
            List<String> inside = new ArrayList<>();
            for (i = 2; i < words.size() && !words.get(i).equals("\0)"); i++) {
                inside.add(words.get(i).startsWith("\0") ? words.get(i).substring(1) : words.get(i));
            }
            code = String.join(" ", inside);
            rest = plain(words.subList(Math.min(i + 1, words.size()), words.size()));
        }
        return new SieveResponse.Final(status, code, rest.isEmpty() ? null : String.join(" ", rest));
    }

    private static SieveResponse.Status status(SieveTokens.Token t) {
        if (t.string()) {
            return null;
        }
        return switch (t.text().toUpperCase(Locale.ROOT)) {
            case "OK" -> SieveResponse.Status.OK;
            case "NO" -> SieveResponse.Status.NO;
            case "BYE" -> SieveResponse.Status.BYE;
            default -> null;
        };
    }

    private static List<String> plain(List<String> marked) {
        List<String> out = new ArrayList<>(marked.size());
        for (String w : marked) {
            out.add(w.startsWith("\0") ? w.substring(1) : w);
        }
        return out;
    }
}
