package dev.mailtrail.proxy.pop3.codec;

import dev.mailtrail.proxy.line.CrlfLine;
import dev.mailtrail.proxy.line.LineSyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads POP3 client commands from bytes fed in any split, observing only. Lines are bounded by
 * {@code maxLineLength} and each argument by {@link #MAX_ARGUMENT_LENGTH} (RFC 2449 §4). After {@code AUTH
 * <mechanism>} every line is an {@link Pop3Request.AuthResponse} until the caller reports the server's final
 * {@code +OK} or {@code -ERR} with {@link #serverCompleted()}. Not thread-safe.
 */
public final class Pop3RequestDecoder {

    public static final int MAX_ARGUMENT_LENGTH = 255;

    private final int maxLineLength;
    private final CrlfLine line = new CrlfLine();
    private boolean authenticating;
    private boolean failed;

    public Pop3RequestDecoder(int maxLineLength) {
        if (maxLineLength < 8) {
            throw new IllegalArgumentException("bound too small");
        }
        this.maxLineLength = maxLineLength;
    }

    /** Reads the remaining bytes of {@code buffer} without moving its position; returns what they completed. */
    public List<Pop3Request> feed(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        List<Pop3Request> out = new ArrayList<>();
        while (in.hasRemaining() && !failed) {
            try {
                if (!line.read(in, maxLineLength)) {
                    break;
                }
            } catch (LineSyntaxException e) {
                out.add(new Pop3Request.Malformed(e.getMessage(), false));
                failed = true;
                break;
            }
            String text = new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8);
            line.clear();
            out.add(authenticating ? new Pop3Request.AuthResponse(text) : command(text));
        }
        return out;
    }

    /** Tells the decoder the server ended a command with {@code +OK} or {@code -ERR}, which ends AUTH. */
    public void serverCompleted() {
        authenticating = false;
    }

    public boolean failed() {
        return failed;
    }

    private Pop3Request command(String text) {
        int sp = text.indexOf(' ');
        String name = (sp < 0 ? text : text.substring(0, sp)).toUpperCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 4 || !name.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return new Pop3Request.Malformed("bad command name", true);
        }
        String rest = sp < 0 ? "" : text.substring(sp + 1);
        List<String> args =
                name.equals("PASS") ? List.of(rest) : rest.isEmpty() ? List.of() : List.of(rest.split(" ", -1));
        for (String a : args) {
            if (a.getBytes(StandardCharsets.UTF_8).length > MAX_ARGUMENT_LENGTH) {
                return new Pop3Request.Malformed("argument longer than " + MAX_ARGUMENT_LENGTH + " octets", true);
            }
            if (a.isEmpty() && !name.equals("PASS")) {
                return new Pop3Request.Malformed("empty argument", true);
            }
        }
        String problem = checkArguments(name, args);
        if (problem != null) {
            return new Pop3Request.Malformed(name + ": " + problem, true);
        }
        if (name.equals("AUTH") && !args.isEmpty()) {
            authenticating = true;
        }
        return new Pop3Request.Command(name, args);
    }

    /** Checks the arguments of the commands whose syntax RFC 1939, 2449, 2595 and 5034 fix; null when fine. */
    private static String checkArguments(String name, List<String> args) {
        return switch (name) {
            case "STAT", "RSET", "NOOP", "QUIT", "CAPA", "STLS" -> args.isEmpty() ? null : "takes no arguments";
            case "USER", "PASS" -> args.size() == 1 ? null : "takes one argument";
            case "APOP" -> args.size() == 2 ? null : "takes a name and a digest";
            case "AUTH" -> args.size() <= 2 ? null : "takes a mechanism and an initial response";
            case "LIST", "UIDL" -> args.isEmpty() || (args.size() == 1 && isNumber(args.get(0))) ? null : "bad message";
            case "RETR", "DELE" -> args.size() == 1 && isNumber(args.get(0)) ? null : "takes a message number";
            case "TOP" -> args.size() == 2 && isNumber(args.get(0)) && isCount(args.get(1)) ? null : "takes n and m";
            default -> null;
        };
    }

    private static boolean isNumber(String s) {
        return isCount(s) && !s.startsWith("0");
    }

    private static boolean isCount(String s) {
        return !s.isEmpty() && s.length() <= 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
