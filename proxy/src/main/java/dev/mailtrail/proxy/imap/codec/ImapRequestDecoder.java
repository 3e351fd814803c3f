package dev.mailtrail.proxy.imap.codec;

import dev.mailtrail.proxy.line.CrlfLine;
import dev.mailtrail.proxy.line.LineSyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads client commands from bytes fed in any split, observing only: the caller forwards the same bytes unchanged.
 *
 * <p>Bounds: a command's text plus the literals kept for it never exceed {@code maxLineLength} bytes. A literal
 * larger than what is left of that budget is counted but not kept ({@link ImapToken.Literal#streamed()}) in
 * {@code APPEND} (its first 16 KiB at most are kept, for the message's headers), and refused anywhere else; no literal may exceed {@code maxLiteralSize}. A 50 MB APPEND is
 * therefore read with a fixed amount of memory, and only its size reaches the caller.
 *
 * <p>Continuations: for {@code {n}} the decoder emits {@link ImapRequest.SynchronizingLiteral} and then expects the
 * literal. The server answers {@code +} (nothing to do) or a tagged NO/BAD; the caller passes every tagged completion
 * it sees to {@link #serverCompleted(String)}, which drops a command whose literal was refused, ends AUTHENTICATE
 * (until then each client line is an {@link ImapRequest.AuthenticateResponse}) and ends an IDLE the server refused
 * (otherwise {@code DONE} ends it, as {@link ImapRequest.IdleDone}). The caller should feed client bytes that follow
 * an AUTHENTICATE only once the server has answered it, as a server would.
 *
 * <p>Not thread-safe; one instance per connection.
 */
public final class ImapRequestDecoder {

    private enum Mode {
        COMMAND,
        AUTHENTICATE,
        IDLE,
        FAILED
    }

    private static final int APPEND_HEAD = 16 * 1024;

    private final int maxLineLength;
    private final long maxLiteralSize;
    private final CrlfLine line = new CrlfLine();

    private Mode mode = Mode.COMMAND;
    private String modeTag;

    private ImapTokenizer tokenizer;
    private String tag;
    private String name;
    private long kept;

    private boolean inLiteral;
    private ImapTokenizer.LiteralMarker marker;
    private byte[] literalData;
    private long literalRemaining;
    private boolean literalStarted;

    public ImapRequestDecoder(int maxLineLength, long maxLiteralSize) {
        if (maxLineLength < 16 || maxLiteralSize < 0) {
            throw new IllegalArgumentException("bounds too small");
        }
        this.maxLineLength = maxLineLength;
        this.maxLiteralSize = maxLiteralSize;
    }

    /**
     * Reads the remaining bytes of {@code buffer}, leaving its position and contents as they were, and returns what
     * they completed, in order.
     */
    public List<ImapRequest> feed(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        List<ImapRequest> out = new ArrayList<>();
        while (in.hasRemaining() && mode != Mode.FAILED) {
            if (inLiteral) {
                literalBytes(in);
                continue;
            }
            try {
                int limit = mode == Mode.COMMAND ? (int) (maxLineLength - kept) : maxLineLength;
                if (!line.read(in, limit)) {
                    break;
                }
            } catch (LineSyntaxException e) {
                fail(out, e.getMessage());
                break;
            }
            switch (mode) {
                case AUTHENTICATE -> out.add(new ImapRequest.AuthenticateResponse(modeTag, lineText()));
                case IDLE -> idleLine(out);
                case COMMAND -> commandFragment(out);
                case FAILED -> {}
            }
            line.clear();
        }
        return out;
    }

    /**
     * Tells the decoder the server sent a tagged completion (OK, NO or BAD) for {@code tag}. It ends AUTHENTICATE or
     * IDLE, and drops a command still waiting for the {@code +} of its synchronising literal.
     */
    public void serverCompleted(String completedTag) {
        if (mode != Mode.FAILED && mode != Mode.COMMAND && completedTag.equals(modeTag)) {
            mode = Mode.COMMAND;
            modeTag = null;
        }
        if (inLiteral && !literalStarted && marker.synchronizing() && completedTag.equals(tag)) {
            resetCommand();
        }
    }

    /**
     * True when the next byte fed starts a new command line: no command, literal, AUTHENTICATE exchange or IDLE is
     * under way. The proxy looks at such a line itself before passing it on (STARTTLS, plaintext logins).
     */
    public boolean atCommandStart() {
        return mode == Mode.COMMAND && tokenizer == null && !inLiteral && line.length() == 0;
    }

    /** How many bytes of a literal are still to come: the next that many bytes are literal data, no line ends. */
    public long literalBytesLeft() {
        return inLiteral && mode != Mode.FAILED ? literalRemaining : 0;
    }

    /** Bytes held now: the line buffer, the command's kept text and the literal being kept. For tests. */
    long heldBytes() {
        return line.bytes().length + kept;
    }

    /** True once the decoder has refused input it cannot recover from. */
    public boolean failed() {
        return mode == Mode.FAILED;
    }

    private void idleLine(List<ImapRequest> out) {
        String text = lineText();
        if (text.equalsIgnoreCase("DONE")) {
            out.add(new ImapRequest.IdleDone(modeTag));
        } else {
            out.add(new ImapRequest.Malformed(modeTag, "expected DONE", true));
        }
        mode = Mode.COMMAND;
        modeTag = null;
    }

    private void commandFragment(List<ImapRequest> out) {
        byte[] b = line.bytes();
        int n = line.length();
        boolean first = tokenizer == null;
        if (first) {
            tokenizer = new ImapTokenizer();
            tag = tagOf(b, n);
        }
        ImapTokenizer.LiteralMarker m;
        try {
            if (first && n == 0) {
                throw new ImapSyntaxException("empty line");
            }
            m = tokenizer.fragment(b, 0, n);
            if (first) {
                commandName();
            }
        } catch (ImapSyntaxException e) {
            refuse(out, e.getMessage(), !endsWithNonSyncLiteral(b, n));
            return;
        }
        kept += n;
        if (m == null) {
            complete(out);
            return;
        }
        boolean fits = m.size() <= maxLineLength - kept;
        if (m.size() > maxLiteralSize || (!fits && !name.equals("APPEND"))) {
            refuse(out, "literal of " + m.size() + " bytes over the bound", m.synchronizing());
            return;
        }
        marker = m;
        // A streamed APPEND keeps only its head, enough for the Message-ID and Subject of the message created.
        long head = Math.min(APPEND_HEAD, Math.max(0, maxLineLength - kept));
        literalData = new byte[(int) (fits ? m.size() : Math.min(m.size(), head))];
        literalRemaining = m.size();
        literalStarted = false;
        inLiteral = true;
        kept += literalData.length;
        if (m.synchronizing()) {
            out.add(new ImapRequest.SynchronizingLiteral(tag, name, m.size()));
        }
    }

    private void commandName() throws ImapSyntaxException {
        List<ImapToken> top = tokenizer.top();
        if (tag == null || top.isEmpty() || !(top.get(0) instanceof ImapToken.Atom)) {
            throw new ImapSyntaxException("bad tag");
        }
        if (top.size() < 2 || !(top.get(1) instanceof ImapToken.Atom cmd)) {
            throw new ImapSyntaxException("missing command name");
        }
        name = cmd.text().toUpperCase(Locale.ROOT);
        if (name.equals("UID")) {
            if (top.size() < 3 || !(top.get(2) instanceof ImapToken.Atom sub)) {
                throw new ImapSyntaxException("missing command after UID");
            }
            name = "UID " + sub.text().toUpperCase(Locale.ROOT);
        }
    }

    private void complete(List<ImapRequest> out) {
        List<ImapToken> tokens;
        try {
            tokens = tokenizer.finish();
        } catch (ImapSyntaxException e) {
            refuse(out, e.getMessage(), true);
            return;
        }
        int skip = name.startsWith("UID ") ? 3 : 2;
        out.add(new ImapRequest.Command(tag, name, tokens.subList(skip, tokens.size())));
        if (name.equals("AUTHENTICATE") || name.equals("IDLE")) {
            mode = name.equals("IDLE") ? Mode.IDLE : Mode.AUTHENTICATE;
            modeTag = tag;
        }
        resetCommand();
    }

    private void literalBytes(ByteBuffer in) {
        int take = (int) Math.min(in.remaining(), literalRemaining);
        long offset = marker.size() - literalRemaining;
        int keep = (int) Math.max(0, Math.min(take, literalData.length - offset));
        if (keep > 0) {
            in.get(literalData, (int) offset, keep);
        }
        in.position(in.position() + take - keep);
        literalStarted = true;
        literalRemaining -= take;
        if (literalRemaining == 0) {
            tokenizer.literal(
                    new ImapToken.Literal(marker.size(), literalData, marker.synchronizing(), marker.binary()));
            inLiteral = false;
            literalData = null;
        }
    }

    private void refuse(List<ImapRequest> out, String reason, boolean recoverable) {
        if (recoverable) {
            out.add(new ImapRequest.Malformed(tag, reason, true));
            resetCommand();
        } else {
            fail(out, reason);
        }
    }

    private void fail(List<ImapRequest> out, String reason) {
        String t = tag != null ? tag : (mode != Mode.COMMAND ? modeTag : tagOf(line.bytes(), line.length()));
        out.add(new ImapRequest.Malformed(t, reason, false));
        mode = Mode.FAILED;
        resetCommand();
        line.clear();
    }

    private void resetCommand() {
        tokenizer = null;
        tag = null;
        name = null;
        kept = 0;
        inLiteral = false;
        marker = null;
        literalData = null;
    }

    private String lineText() {
        return new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8);
    }

    /** The tag at the start of a line: ASTRING-CHARs except '+', up to the first space; null if there is none. */
    static String tagOf(byte[] b, int n) {
        int i = 0;
        while (i < n && b[i] != ' ') {
            int c = b[i] & 0xff;
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\+".indexOf(c) >= 0) {
                return null;
            }
            i++;
        }
        return i == 0 || i == n ? null : new String(b, 0, i, StandardCharsets.US_ASCII);
    }

    private static boolean endsWithNonSyncLiteral(byte[] b, int n) {
        if (n < 4 || b[n - 1] != '}' || b[n - 2] != '+') {
            return false;
        }
        int i = n - 3;
        while (i >= 0 && b[i] >= '0' && b[i] <= '9') {
            i--;
        }
        return i >= 0 && i < n - 3 && b[i] == '{';
    }
}
