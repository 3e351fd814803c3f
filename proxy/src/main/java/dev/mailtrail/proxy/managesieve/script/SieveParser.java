package dev.mailtrail.proxy.managesieve.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Sieve script (RFC 5228 §2 and §8) into {@link SieveNode.Command}s without running anything: comments
 * ({@code #} and {@code /* *}{@code /}), quoted strings with escapes, multi-line {@code text:} strings with
 * dot-stuffing, numbers with K/M/G, tags, string lists, tests and test lists, blocks. Extensions are read by the same
 * grammar, so a script using any of them parses; what they mean is {@link InboxRules}' business. Nesting is bounded.
 */
public final class SieveParser {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int line = 1;
    private String lastComment;

    private SieveParser(String text) {
        this.text = text;
    }

    public static List<SieveNode.Command> parse(String script) throws SieveSyntaxException {
        SieveParser p = new SieveParser(script);
        List<SieveNode.Command> commands = p.commands(0);
        p.space();
        if (p.pos < p.text.length()) {
            throw p.error("unexpected '" + p.text.charAt(p.pos) + "'");
        }
        return commands;
    }

    private List<SieveNode.Command> commands(int depth) throws SieveSyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("blocks nested deeper than " + MAX_DEPTH);
        }
        List<SieveNode.Command> out = new ArrayList<>();
        while (true) {
            lastComment = null;
            space();
            if (pos >= text.length() || text.charAt(pos) == '}') {
                return out;
            }
            out.add(command(depth));
        }
    }

    private SieveNode.Command command(int depth) throws SieveSyntaxException {
        String comment = lastComment;
        int start = pos;
        String name = identifier();
        List<SieveNode.Argument> arguments = arguments();
        List<SieveNode.Test> tests = new ArrayList<>();
        space();
        if (peek() == '(') {
            tests.addAll(testList(depth));
        } else if (isIdentifierStart(peek())) {
            tests.add(test(depth));
        }
        space();
        List<SieveNode.Command> block = null;
        if (peek() == ';') {
            pos++;
        } else if (peek() == '{') {
            pos++;
            block = commands(depth + 1);
            space();
            expect('}');
        } else {
            throw error("expected ';' or '{' after " + name);
        }
        return new SieveNode.Command(name, arguments, tests, block, comment, text.substring(start, pos));
    }

    private List<SieveNode.Argument> arguments() throws SieveSyntaxException {
        List<SieveNode.Argument> out = new ArrayList<>();
        while (true) {
            space();
            char c = peek();
            if (c == ':') {
                pos++;
                out.add(new SieveNode.Tag(identifier()));
            } else if (c >= '0' && c <= '9') {
                out.add(number());
            } else if (c == '"' || c == '[' || text.startsWith("text:", pos)) {
                out.add(new SieveNode.Strings(stringList()));
            } else {
                return out;
            }
        }
    }

    private SieveNode.Test test(int depth) throws SieveSyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("tests nested deeper than " + MAX_DEPTH);
        }
        String name = identifier();
        List<SieveNode.Argument> arguments = arguments();
        List<SieveNode.Test> tests = new ArrayList<>();
        space();
        if (peek() == '(') {
            tests.addAll(testList(depth + 1));
        } else if (isIdentifierStart(peek())) {
            tests.add(test(depth + 1)); // not <test>
        }
        return new SieveNode.Test(name, arguments, tests);
    }

    private List<SieveNode.Test> testList(int depth) throws SieveSyntaxException {
        expect('(');
        List<SieveNode.Test> out = new ArrayList<>();
        do {
            space();
            out.add(test(depth + 1));
            space();
        } while (consume(','));
        expect(')');
        return out;
    }

    private List<String> stringList() throws SieveSyntaxException {
        List<String> out = new ArrayList<>();
        if (consume('[')) {
            do {
                space();
                out.add(string());
                space();
            } while (consume(','));
            expect(']');
        } else {
            out.add(string());
        }
        return out;
    }

    private String string() throws SieveSyntaxException {
        if (text.startsWith("text:", pos)) {
            return multiLine();
        }
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            if (c == '\n') {
                line++;
            }
            out.append(c);
        }
    }

    /** {@code text:} to the end of its line, then lines up to a lone {@code .}; a leading {@code ..} loses a dot. */
    private String multiLine() throws SieveSyntaxException {
        pos += "text:".length();
        int eol = text.indexOf('\n', pos);
        if (eol < 0) {
            throw error("text: without its lines");
        }
        pos = eol + 1;
        line++;
        StringBuilder out = new StringBuilder();
        while (true) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                throw error("text: not ended by a line holding only '.'");
            }
            String l = text.substring(pos, end);
            String bare = l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
            pos = end + 1;
            line++;
            if (bare.equals(".")) {
                return out.toString();
            }
            out.append(bare.startsWith("..") ? bare.substring(1) : bare).append("\r\n");
        }
    }

    private SieveNode.Number number() throws SieveSyntaxException {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos - start > 18) {
            throw error("number too large");
        }
        long value = Long.parseLong(text.substring(start, pos));
        char unit = Character.toUpperCase(peek());
        long factor =
                switch (unit) {
                    case 'K' -> 1L << 10;
                    case 'M' -> 1L << 20;
                    case 'G' -> 1L << 30;
                    default -> 1;
                };
        if (factor > 1) {
            pos++;
        }
        return new SieveNode.Number(value > Long.MAX_VALUE / factor ? Long.MAX_VALUE : value * factor);
    }

    private String identifier() throws SieveSyntaxException {
        space();
        int start = pos;
        if (!isIdentifierStart(peek())) {
            throw error(pos >= text.length() ? "unexpected end of script" : "expected a name");
        }
        while (pos < text.length() && (isIdentifierStart(text.charAt(pos)) || Character.isDigit(text.charAt(pos)))) {
            pos++;
        }
        return text.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    /** Skips white space and comments, remembering the last comment (a rule's name, as Roundcube writes it). */
    private void space() throws SieveSyntaxException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                int end = text.indexOf('\n', pos);
                end = end < 0 ? text.length() : end;
                lastComment = text.substring(pos + 1, end).strip();
                pos = end;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("unterminated comment");
                }
                line += (int)
                        text.substring(pos, end).chars().filter(x -> x == '\n').count();
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws SieveSyntaxException {
        space();
        if (!consume(c)) {
            throw error(
                    pos >= text.length() ? "unexpected end of script, expected '" + c + "'" : "expected '" + c + "'");
        }
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private SieveSyntaxException error(String problem) {
        return new SieveSyntaxException(problem, line);
    }
}
