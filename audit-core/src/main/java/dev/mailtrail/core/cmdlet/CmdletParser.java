package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.cmdlet.CmdletValue.ListOf;
import dev.mailtrail.core.cmdlet.CmdletValue.Table;
import dev.mailtrail.core.cmdlet.CmdletValue.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subset of PowerShell that Exchange cmdlet lines use: {@code -Param value}, {@code -Param:value},
 * switches, single- and double-quoted strings (with {@code ''}, {@code ""} and backtick escapes), comma lists,
 * {@code @(…)} arrays and {@code @{Key=value; …}} hash tables. Errors name the character position.
 */
public final class CmdletParser {
    private static final int MAX_LINE = 64 * 1024;

    private final String line;
    private int pos;

    private CmdletParser(String line) {
        this.line = line;
    }

    public static CmdletLine parse(String line) throws CmdletSyntaxException {
        if (line.length() > MAX_LINE) {
            throw new CmdletSyntaxException("The command line is longer than " + MAX_LINE + " characters.", "", 1);
        }
        int lineBreak = firstLineBreak(line);
        if (lineBreak >= 0) {
            // One event is one line: a break read differently elsewhere would change what the line does.
            throw new CmdletSyntaxException("A cmdlet line may not contain a line break.", line, lineBreak + 1);
        }
        return new CmdletParser(line).line();
    }

    private static int firstLineBreak(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\n' || line.charAt(i) == '\r') {
                return i;
            }
        }
        return -1;
    }

    private CmdletLine line() throws CmdletSyntaxException {
        skipSpace();
        if (atEnd()) {
            throw error("Missing cmdlet name: the command line is empty.", pos);
        }
        int nameStart = pos;
        while (!atEnd() && !isSpace(peek())) {
            pos++;
        }
        String name = line.substring(nameStart, pos);
        if (!name.matches("[A-Za-z]+-[A-Za-z0-9]+")) {
            throw error("'" + name + "' is not a cmdlet name (expected Verb-Noun, e.g. Set-Mailbox).", nameStart);
        }
        List<CmdletLine.Parameter> parameters = new ArrayList<>();
        List<CmdletValue> positional = new ArrayList<>();
        while (true) {
            skipSpace();
            if (atEnd()) {
                break;
            }
            if (startsParameter()) {
                parameters.add(parameter());
            } else {
                positional.add(value());
            }
        }
        return new CmdletLine(name, List.copyOf(parameters), List.copyOf(positional), line);
    }

    private boolean startsParameter() {
        return peek() == '-' && pos + 1 < line.length() && Character.isLetter(line.charAt(pos + 1));
    }

    private CmdletLine.Parameter parameter() throws CmdletSyntaxException {
        int start = pos;
        pos++;
        int nameStart = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        String name = line.substring(nameStart, pos);
        if (!atEnd() && peek() == ':') {
            pos++;
            if (atEnd() || isSpace(peek())) {
                throw error("Missing value after '-" + name + ":'.", pos);
            }
            return new CmdletLine.Parameter(name, value(), start + 1, true);
        }
        if (!atEnd() && !isSpace(peek())) {
            throw error("Unexpected character '" + peek() + "' in parameter name '-" + name + "'.", pos);
        }
        skipSpace();
        if (atEnd() || startsParameter()) {
            return new CmdletLine.Parameter(name, null, start + 1);
        }
        return new CmdletLine.Parameter(name, value(), start + 1);
    }

    /** A value, possibly a comma list. */
    private CmdletValue value() throws CmdletSyntaxException {
        int start = pos;
        CmdletValue first = atom();
        skipSpace();
        if (atEnd() || peek() != ',') {
            return first;
        }
        List<Text> items = new ArrayList<>();
        items.add(asListItem(first));
        while (!atEnd() && peek() == ',') {
            pos++;
            skipSpace();
            if (atEnd() || peek() == ';' || peek() == '}' || peek() == ')') {
                throw error("Missing expression after ','.", pos);
            }
            items.add(asListItem(atom()));
            skipSpace();
        }
        return new ListOf(List.copyOf(items), start + 1);
    }

    private Text asListItem(CmdletValue value) throws CmdletSyntaxException {
        if (value instanceof Text text) {
            return text;
        }
        throw error("A list may hold only words and strings.", value.column() - 1);
    }

    private CmdletValue atom() throws CmdletSyntaxException {
        char c = peek();
        if (c == '"' || c == '\'') {
            return quoted();
        }
        if (c == '@' && pos + 1 < line.length() && line.charAt(pos + 1) == '{') {
            return table();
        }
        if (c == '@' && pos + 1 < line.length() && line.charAt(pos + 1) == '(') {
            return array();
        }
        return bare();
    }

    private Text quoted() throws CmdletSyntaxException {
        int start = pos;
        char quote = line.charAt(pos++);
        StringBuilder text = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("The string is missing the terminator: " + quote + ".", start);
            }
            char c = line.charAt(pos++);
            if (c == quote) {
                if (!atEnd() && peek() == quote) {
                    text.append(quote);
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '`' && quote == '"' && !atEnd()) {
                text.append(line.charAt(pos++));
                continue;
            }
            text.append(c);
        }
        return new Text(text.toString(), true, start + 1);
    }

    private Text bare() throws CmdletSyntaxException {
        int start = pos;
        while (!atEnd() && !isSpace(peek()) && ",;{}()=".indexOf(peek()) < 0) {
            if (peek() == '"' || peek() == '\'') {
                throw error("Unexpected quote inside the word '" + line.substring(start, pos) + "'.", pos);
            }
            pos++;
        }
        if (pos == start) {
            throw error("Unexpected token '" + peek() + "'.", pos);
        }
        return new Text(line.substring(start, pos), false, start + 1);
    }

    private ListOf array() throws CmdletSyntaxException {
        int start = pos;
        pos += 2;
        List<Text> items = new ArrayList<>();
        skipSpace();
        while (true) {
            if (atEnd()) {
                throw error("Missing closing ')' in array expression.", start);
            }
            if (peek() == ')') {
                pos++;
                break;
            }
            if (!items.isEmpty()) {
                if (peek() != ',') {
                    throw error("Missing ',' between array items.", pos);
                }
                pos++;
                skipSpace();
                if (atEnd() || peek() == ')') {
                    throw error("Missing expression after ','.", pos);
                }
            }
            items.add(asListItem(atom()));
            skipSpace();
        }
        return new ListOf(List.copyOf(items), start + 1);
    }

    private Table table() throws CmdletSyntaxException {
        int start = pos;
        pos += 2;
        Map<String, CmdletValue> entries = new LinkedHashMap<>();
        Map<String, Integer> keyColumns = new LinkedHashMap<>();
        while (true) {
            skipSpaceAndSemicolons();
            if (atEnd()) {
                throw error("Missing closing '}' in hash literal.", start);
            }
            if (peek() == '}') {
                pos++;
                break;
            }
            int keyStart = pos;
            Text key = peek() == '"' || peek() == '\'' ? quoted() : bare();
            skipSpace();
            if (atEnd() || peek() != '=') {
                throw error("Missing '=' operator after key '" + key.text() + "' in hash literal.", pos);
            }
            pos++;
            skipSpace();
            if (atEnd() || peek() == ';' || peek() == '}') {
                throw error("Missing statement after '=' in hash literal.", pos);
            }
            CmdletValue entry = value();
            if (entries.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key.text()))) {
                throw error("Duplicate keys '" + key.text() + "' are not allowed in hash literals.", keyStart);
            }
            entries.put(key.text(), entry);
            keyColumns.put(key.text(), keyStart + 1);
            skipSpace();
            if (!atEnd() && peek() != ';' && peek() != '}') {
                throw error("Unexpected token '" + peek() + "' in hash literal: expected ';' or '}'.", pos);
            }
        }
        return new Table(entries, keyColumns, start + 1);
    }

    private void skipSpaceAndSemicolons() {
        while (!atEnd() && (isSpace(peek()) || peek() == ';')) {
            pos++;
        }
    }

    private void skipSpace() {
        while (!atEnd() && isSpace(peek())) {
            pos++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private boolean atEnd() {
        return pos >= line.length();
    }

    private char peek() {
        return line.charAt(pos);
    }

    private CmdletSyntaxException error(String problem, int zeroBasedPosition) {
        return new CmdletSyntaxException(problem, line, zeroBasedPosition + 1);
    }
}
