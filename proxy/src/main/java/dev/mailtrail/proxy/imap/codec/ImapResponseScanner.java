package dev.mailtrail.proxy.imap.codec;

import dev.mailtrail.proxy.line.CrlfLine;
import dev.mailtrail.proxy.line.LineSyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Follows server output fed in any split and reports what the audit needs: tagged completions, EXISTS, EXPUNGE,
 * FETCH data, CAPABILITY, NAMESPACE and ID. It reads without changing the buffer it is given, keeps at most
 * {@code maxLineLength} bytes of a response's text and at most {@code captureLimit} bytes of each literal; literal
 * bodies beyond that are only counted. A response it cannot read is reported as {@link ImapResponse.Unreadable}
 * and skipped, literals included, so one odd response does not derail the rest. Not thread-safe.
 */
public final class ImapResponseScanner {

    private final int maxLineLength;
    private final int captureLimit;
    private final CrlfLine line = new CrlfLine();
    private final ResponseReader reader;

    private boolean skipping;
    private final byte[] tail = new byte[24];
    private int tailLength;

    private long literalRemaining = -1;
    private byte[] literalData;
    private long literalSize;
    private ImapTokenizer.LiteralMarker marker;

    public ImapResponseScanner(int maxLineLength, int captureLimit) {
        if (maxLineLength < 16 || captureLimit < 0) {
            throw new IllegalArgumentException("bounds too small");
        }
        this.maxLineLength = maxLineLength;
        this.captureLimit = captureLimit;
        this.reader = new ResponseReader(maxLineLength);
    }

    /** Reads the remaining bytes of {@code buffer} without moving its position; returns what they completed. */
    public List<ImapResponse> feed(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        List<ImapResponse> out = new ArrayList<>();
        while (in.hasRemaining()) {
            if (literalRemaining >= 0) {
                literal(in);
            } else if (skipping) {
                skip(in);
            } else {
                try {
                    if (line.read(in, (int) Math.max(0, maxLineLength - reader.kept()))) {
                        fragment(out);
                    }
                } catch (LineSyntaxException e) {
                    unreadable(out, e.getMessage(), !e.getMessage().startsWith("bare LF"));
                }
            }
        }
        return out;
    }

    /**
     * True when no response is partly read: the next byte fed starts a new response. The proxy uses it to know that
     * a piece of output it is about to pass on begins a response.
     */
    public boolean atResponseStart() {
        return literalRemaining < 0 && !skipping && line.length() == 0 && reader.kept() == 0;
    }

    /** How many bytes of a literal are still to come: the next that many bytes are literal data, no line ends. */
    public long literalBytesLeft() {
        return Math.max(0, literalRemaining);
    }

    /**
     * The FETCH response now being read, as far as it has come (the literal now arriving holds the bytes captured
     * of it so far); null when no FETCH response is partly read. For a response too large to hold whole, whose
     * record must be made before its bytes go out.
     */
    public ImapResponse.Fetch fetchSoFar() {
        if (skipping || atResponseStart()) {
            return null;
        }
        ImapToken.Literal inProgress = null;
        if (literalRemaining >= 0) {
            int captured = (int) Math.min(literalData.length, literalSize - literalRemaining);
            inProgress = new ImapToken.Literal(
                    literalSize,
                    java.util.Arrays.copyOf(literalData, captured),
                    marker.synchronizing(),
                    marker.binary());
        }
        return reader.fetchSoFar(inProgress);
    }

    /**
     * True inside a literal announced larger than {@code bytes} once the part of it that is kept (its headers) has
     * been read: what can name the message is known, and the rest need not wait for the literal's end.
     */
    public boolean inLiteralLargerThan(long bytes) {
        return literalRemaining > 0
                && !skipping
                && literalSize > bytes
                && literalSize - literalRemaining >= literalData.length;
    }

    /** Bytes held now: the line buffer, the response's kept text and the literal prefix being kept. For tests. */
    long heldBytes() {
        return line.bytes().length + reader.kept() + (literalData == null ? 0 : literalData.length);
    }

    private void fragment(List<ImapResponse> out) {
        byte[] b = line.bytes();
        int n = line.length();
        ImapTokenizer.LiteralMarker m = reader.takesLiterals(b, n) ? trailingMarker(b, n) : null;
        reader.fragment(b, n, m != null, out);
        line.clear();
        if (m != null) {
            marker = m;
            literalSize = m.size();
            literalRemaining = m.size();
            literalData = new byte
                    [(int) Math.min(m.size(), Math.min(captureLimit, Math.max(0, maxLineLength - reader.kept())))];
            if (literalRemaining == 0) {
                endLiteral();
            }
        }
    }

    private void literal(ByteBuffer in) {
        int take = (int) Math.min(in.remaining(), literalRemaining);
        long offset = literalSize - literalRemaining;
        int keep = (int) Math.max(0, Math.min(take, literalData.length - offset));
        if (keep > 0) {
            in.get(literalData, (int) offset, keep);
        }
        in.position(in.position() + take - keep);
        literalRemaining -= take;
        if (literalRemaining == 0) {
            endLiteral();
        }
    }

    private void endLiteral() {
        if (!skipping) {
            reader.literal(new ImapToken.Literal(literalSize, literalData, marker.synchronizing(), marker.binary()));
        }
        literalRemaining = -1;
        literalData = null;
    }

    /** Skips to the end of a response, following any literals announced at the ends of its lines. */
    private void skip(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte c = in.get();
            if (c == '\n') {
                int n = tailLength > 0 && tail[tailLength - 1] == '\r' ? tailLength - 1 : tailLength;
                ImapTokenizer.LiteralMarker m = trailingMarker(tail, n);
                tailLength = 0;
                if (m != null) {
                    marker = m;
                    literalSize = m.size();
                    literalRemaining = m.size();
                    literalData = new byte[0];
                    if (literalRemaining == 0) {
                        endLiteral();
                    }
                } else {
                    skipping = false;
                }
                return;
            }
            if (tailLength == tail.length) {
                System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                tailLength--;
            }
            tail[tailLength++] = c;
        }
    }

    private void unreadable(List<ImapResponse> out, String reason, boolean skipRest) {
        out.add(new ImapResponse.Unreadable(reason));
        line.clear();
        reader.reset();
        tailLength = 0;
        skipping = skipRest;
    }

    /** A literal marker {@code {n}}, {@code {n+}} or {@code ~{n}} ending {@code b[0, n)}, or null. */
    static ImapTokenizer.LiteralMarker trailingMarker(byte[] b, int n) {
        if (n < 3 || b[n - 1] != '}') {
            return null;
        }
        int i = n - 2;
        boolean sync = b[i] != '+';
        if (!sync) {
            i--;
        }
        int end = i;
        while (i >= 0 && b[i] >= '0' && b[i] <= '9') {
            i--;
        }
        if (i < 0 || b[i] != '{' || end - i < 1 || end - i > 18) {
            return null;
        }
        long size = Long.parseLong(new String(b, i + 1, end - i, StandardCharsets.US_ASCII));
        return new ImapTokenizer.LiteralMarker(size, sync, i > 0 && b[i - 1] == '~');
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
