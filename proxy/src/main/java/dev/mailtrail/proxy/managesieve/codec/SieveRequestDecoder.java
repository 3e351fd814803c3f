package dev.mailtrail.proxy.managesieve.codec;

import dev.mailtrail.proxy.line.CrlfLine;
import dev.mailtrail.proxy.line.LineSyntaxException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads ManageSieve client commands (RFC 5804 §2) from bytes fed in any split, observing only. A command is a name,
 * strings (quoted, or literals announced by {@code {n+}} or {@code {n}} at a line's end) and numbers, ended by CRLF.
 * Each line is bounded by {@code maxLineLength}, each literal by {@code maxLiteralSize}; of a literal only the first
 * {@code captureLimit} bytes are kept (a script larger than that is marked truncated). After {@code AUTHENTICATE}
 * every line is a {@link SieveRequest.AuthResponse} until the caller reports the server's final answer with
 * {@link #serverCompleted()}. Not thread-safe.
 */
public final class SieveRequestDecoder {

    private final int maxLineLength;
    private final long maxLiteralSize;
    private final int captureLimit;
    private final CrlfLine line = new CrlfLine();

    private String name;
    private final List<String> arguments = new ArrayList<>();
    private boolean truncated;
    private boolean continued;
    private long literalLeft;
    private ByteArrayOutputStream literal;
    private boolean authenticating;
    private boolean failed;

    public SieveRequestDecoder(int maxLineLength, long maxLiteralSize, int captureLimit) {
        if (maxLineLength < 16 || maxLiteralSize < 0 || captureLimit < 0) {
            throw new IllegalArgumentException("bounds too small");
        }
        this.maxLineLength = maxLineLength;
        this.maxLiteralSize = maxLiteralSize;
        this.captureLimit = captureLimit;
    }

    /** Reads the remaining bytes of {@code buffer} without moving its position; returns what they completed. */
    public List<SieveRequest> feed(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        List<SieveRequest> out = new ArrayList<>();
        while (in.hasRemaining() && !failed) {
            if (literalLeft > 0) {
                literalBytes(in);
                continue;
            }
            try {
                if (!line.read(in, maxLineLength)) {
                    break;
                }
            } catch (LineSyntaxException e) {
                fail(out, e.getMessage());
                break;
            }
            segment(out);
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
            arguments.add(literal.toString(StandardCharsets.UTF_8));
            literal = null;
        }
    }

    private void segment(List<SieveRequest> out) {
        SieveTokens tokens;
        try {
            tokens = SieveTokens.read(line.bytes(), line.length());
        } catch (LineSyntaxException e) {
            line.clear();
            malformed(out, e.getMessage());
            return;
        } finally {
            line.clear();
        }
        List<SieveTokens.Token> words = tokens.tokens();
        int from = 0;
        if (!continued && !authenticating) {
            if (words.isEmpty()
                    || words.getFirst().string()
                    || !isName(words.getFirst().text())) {
                malformed(out, "expected a command name");
                return;
            }
            name = words.getFirst().text().toUpperCase(Locale.ROOT);
            from = 1;
        }
        for (int i = from; i < words.size(); i++) {
            SieveTokens.Token t = words.get(i);
            if (!t.string() && !t.text().chars().allMatch(c -> c >= '0' && c <= '9')) {
                malformed(out, "expected a string or a number, found " + abbreviated(t.text()));
                return;
            }
            arguments.add(t.text());
        }
        if (tokens.literal() >= 0) {
            if (tokens.literal() > maxLiteralSize) {
                fail(out, "literal larger than " + maxLiteralSize + " bytes");
                return;
            }
            continued = true;
            literalLeft = tokens.literal();
            literal = new ByteArrayOutputStream();
            if (literalLeft == 0) {
                arguments.add("");
                literal = null;
            }
            return;
        }
        complete(out);
    }

    private void complete(List<SieveRequest> out) {
        if (authenticating && name == null) {
            out.add(new SieveRequest.AuthResponse(arguments.isEmpty() ? "" : arguments.getFirst()));
        } else {
            out.add(new SieveRequest.Command(name, arguments, truncated));
            authenticating = name.equals("AUTHENTICATE");
        }
        reset();
    }

    private void reset() {
        name = null;
        arguments.clear();
        truncated = false;
        continued = false;
    }

    private void malformed(List<SieveRequest> out, String reason) {
        reset();
        out.add(new SieveRequest.Malformed(reason, true));
    }

    private void fail(List<SieveRequest> out, String reason) {
        failed = true;
        reset();
        out.add(new SieveRequest.Malformed(reason, false));
    }

    /** The server answered OK, NO or BYE: an AUTHENTICATE exchange is over. */
    public void serverCompleted() {
        authenticating = false;
    }

    /** Bytes of a literal still to come; 0 outside literals. */
    public long literalBytesLeft() {
        return literalLeft;
    }

    /** True when the next byte starts a new command (or a new SASL answer). */
    public boolean atCommandStart() {
        return !continued && literalLeft == 0 && line.length() == 0;
    }

    public boolean failed() {
        return failed;
    }

    private static boolean isName(String word) {
        return !word.isEmpty() && word.length() <= 32 && word.chars().allMatch(c -> Character.isLetter(c) && c < 128);
    }

    private static String abbreviated(String word) {
        return word.length() > 40 ? word.substring(0, 40) + "…" : word;
    }
}
