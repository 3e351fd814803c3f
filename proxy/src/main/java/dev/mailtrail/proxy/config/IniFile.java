package dev.mailtrail.proxy.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The syntax of the configuration file, and nothing of its meaning: {@code [section]} or {@code [section name]}
 * headers, {@code key = value} lines, {@code #} comments (whole lines, or after whitespace), values optionally in
 * double quotes. Every section and value keeps its line number for error messages.
 */
final class IniFile {

    /** One {@code key = value} with where it stood. */
    record Entry(String key, String value, int line) {}

    /** One {@code [kind name]} section; {@code name} is null for {@code [kind]}. */
    static final class Section {
        final String kind;
        final String name;
        final int line;
        final Map<String, Entry> entries = new LinkedHashMap<>();

        Section(String kind, String name, int line) {
            this.kind = kind;
            this.name = name;
            this.line = line;
        }
    }

    final String source;
    final List<Section> sections = new ArrayList<>();

    private IniFile(String source) {
        this.source = source;
    }

    static IniFile parse(String text, String source) throws ProxyConfigException {
        IniFile file = new IniFile(source);
        Section current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new ProxyConfigException(source, n, null, "section header without its closing ]");
                }
                String[] words = line.substring(1, line.length() - 1).strip().split("\\s+");
                if (words.length > 2 || words[0].isEmpty()) {
                    throw new ProxyConfigException(source, n, null, "a section is [kind] or [kind name]: " + line);
                }
                current = new Section(words[0], words.length == 2 ? words[1] : null, n);
                file.sections.add(current);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ProxyConfigException(source, n, null, "expected key = value, found: " + line);
            }
            String key = line.substring(0, eq).strip();
            String value = unquote(line.substring(eq + 1).strip());
            if (current == null) {
                throw new ProxyConfigException(source, n, key, "outside any [section]");
            }
            if (current.entries.putIfAbsent(key, new Entry(key, value, n)) != null) {
                throw new ProxyConfigException(
                        source,
                        n,
                        key,
                        "given twice (first on line " + current.entries.get(key).line() + ")");
            }
        }
        return file;
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
