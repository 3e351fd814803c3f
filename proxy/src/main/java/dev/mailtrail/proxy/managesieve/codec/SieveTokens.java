package dev.mailtrail.proxy.managesieve.codec;

import dev.mailtrail.proxy.line.LineSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of one ManageSieve line (RFC 5804 §4): atoms, numbers, quoted strings with {@code \"} and {@code \\}
 * escapes (at most 1024 octets), parentheses around a response code, and a literal announcement {@code {n}} or
 * {@code {n+}}, which may only end the line. Quoted strings come back without their quotes, marked as strings.
 */
record SieveTokens(List<Token> tokens, long literal) {

    static final int MAX_QUOTED = 1024;

    /** One word; {@code string} for quoted strings (and literals, filled in by the caller). */
    record Token(String text, boolean string) {}

    static SieveTokens read(byte[] line, int length) throws LineSyntaxException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        long literal = -1;
        while (i < length) {
            byte b = line[i];
            if (b == ' ') {
                i++;
            } else if (b == '"') {
                int start = ++i;
                byte[] text = new byte[Math.min(length - start, MAX_QUOTED)];
                int n = 0;
                while (true) {
                    if (i >= length) {
                        throw new LineSyntaxException("unterminated quoted string");
                    }
                    byte c = line[i++];
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        if (i >= length || (line[i] != '"' && line[i] != '\\')) {
                            throw new LineSyntaxException("bad escape in quoted string");
                        }
                        c = line[i++];
                    }
                    if (c == 0) {
                        throw new LineSyntaxException("NUL in quoted string");
                    }
                    if (n == text.length) {
                        throw new LineSyntaxException("quoted string longer than " + MAX_QUOTED + " octets");
                    }
                    text[n++] = c;
                }
                out.add(new Token(new String(text, 0, n, StandardCharsets.UTF_8), true));
            } else if (b == '{') {
                int close = indexOf(line, length, i, (byte) '}');
                if (close < 0 || close != length - 1) {
                    throw new LineSyntaxException("a literal must end its line");
                }
                String number = new String(line, i + 1, close - i - 1, StandardCharsets.US_ASCII);
                if (number.endsWith("+")) {
                    number = number.substring(0, number.length() - 1);
                }
                literal = number(number);
                i = close + 1;
            } else if (b == '(' || b == ')') {
                out.add(new Token(String.valueOf((char) b), false));
                i++;
            } else {
                int start = i;
                while (i < length && line[i] != ' ' && line[i] != '(' && line[i] != ')' && line[i] != '"') {
                    if (line[i] == '{' || line[i] < 0x21 || line[i] == 0x7f) {
                        throw new LineSyntaxException("bad character in a word");
                    }
                    i++;
                }
                out.add(new Token(new String(line, start, i - start, StandardCharsets.US_ASCII), false));
            }
        }
        return new SieveTokens(out, literal);
    }

    private static long number(String digits) throws LineSyntaxException {
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new LineSyntaxException("bad literal length");
        }
        return Long.parseLong(digits);
    }

    private static int indexOf(byte[] line, int length, int from, byte b) {
        for (int i = from; i < length; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
