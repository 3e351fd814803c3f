package dev.mailtrail.proxy.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of one section of the configuration file, each taken once as its type (a number in a range, a size, a
 * duration, a path, one of a set of words); what is left over is an unknown key. Every error names the file, the
 * line and the key, and a required key that is missing because it was misspelt is reported where the misspelling is.
 */
final class SectionValues {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KiB|MiB|GiB)");

    final IniFile.Section section;
    final Map<String, IniFile.Entry> left;
    private final String source;
    private final Path base;

    /** @param base the directory relative paths are taken from (null: as written) */
    SectionValues(IniFile.Section section, String source, Path base) {
        this.section = section;
        this.left = new LinkedHashMap<>(section.entries);
        this.source = source;
        this.base = base;
    }

    /** An error at {@code line} about {@code key} (null: the section), naming the file. */
    ProxyConfigException error(int line, String key, String problem) {
        return new ProxyConfigException(source, line, key, problem);
    }

    /** How an enum value is written in the file: lower case, {@code -} for {@code _}. */
    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    void noName() throws ProxyConfigException {
        if (section.name != null) {
            throw error(section.line, null, "[" + section.kind + "] takes no name");
        }
    }

    MailProtocol protocolName() throws ProxyConfigException {
        if (section.name == null) {
            throw error(
                    section.line,
                    null,
                    "say which protocol: [upstream imap], [upstream pop3], [upstream submission] or [upstream managesieve]");
        }
        try {
            return MailProtocol.valueOf(section.name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(
                    section.line,
                    null,
                    "unknown protocol \"" + section.name + "\"; known: imap, pop3, submission, managesieve");
        }
    }

    void noneLeft() throws ProxyConfigException {
        if (!left.isEmpty()) {
            IniFile.Entry e = left.values().iterator().next();
            throw error(e.line(), e.key(), "unknown key in [" + section.kind + "]");
        }
    }

    String text(String key, String fallback) {
        IniFile.Entry e = left.remove(key);
        return e == null ? fallback : e.value();
    }

    String required(String key) throws ProxyConfigException {
        IniFile.Entry e = left.remove(key);
        if (e == null || e.value().isEmpty()) {
            throwIfMisspelt(key);
            throw error(section.line, key, "missing in [" + section.kind + "]");
        }
        return e.value();
    }

    /** A listening address: an IP address, or a name this machine resolves. */
    String address(String key, String fallback) throws ProxyConfigException {
        IniFile.Entry e = left.remove(key);
        if (e == null) {
            return fallback;
        }
        try {
            java.net.InetAddress.getByName(e.value());
        } catch (java.net.UnknownHostException | SecurityException x) {
            throw error(e.line(), key, "not an IP address, nor a name this machine resolves: " + e.value());
        }
        return e.value();
    }

    /** A required key that is missing because it was misspelt is reported where the misspelling is. */
    private void throwIfMisspelt(String key) throws ProxyConfigException {
        for (IniFile.Entry other : left.values()) {
            if (Spelling.near(other.key(), key)) {
                throw error(
                        other.line(),
                        other.key(),
                        "unknown key in [" + section.kind + "]; did you mean \"" + key + "\"?");
            }
        }
    }

    int integer(String key, int fallback, int min, int max) throws ProxyConfigException {
        IniFile.Entry e = left.remove(key);
        if (e == null) {
            if (fallback < 0) {
                throwIfMisspelt(key);
                throw error(section.line, key, "missing in [" + section.kind + "]");
            }
            return fallback;
        }
        try {
            int n = Integer.parseInt(e.value());
            if (n < min || n > max) {
                throw error(e.line(), key, e.value() + " is out of range " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException x) {
            throw error(e.line(), key, "not a whole number: " + e.value());
        }
    }

    /** A comma list of words, lower-cased; empty when the key is absent. */
    List<String> list(String key) {
        IniFile.Entry e = left.remove(key);
        List<String> out = new ArrayList<>();
        if (e != null) {
            for (String item : e.value().split(",")) {
                if (!item.isBlank()) {
                    out.add(item.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    TrustedNetworks networks(String key) throws ProxyConfigException {
        IniFile.Entry e = left.remove(key);
        if (e == null) {
            return TrustedNetworks.NONE;
        }
        try {
            return TrustedNetworks.parse(e.value());
        } catch (IllegalArgumentException x) {
            throw error(e.line(), key, x.getMessage());
        }
    }

    boolean bool(String key, boolean fallback) throws ProxyConfigException {
        IniFile.Entry e = left.remove(key);
        if (e == null) {
            return fallback;
        }
        return switch (e.value().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(e.line(), key, "expected true or false, found " + e.value());
        };
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) throws ProxyConfigException {
        IniFile.Entry e = left.remove(key);
        if (e == null) {
            if (fallback == null) {
                throwIfMisspelt(key);
                throw error(section.line, key, "missing in [" + section.kind + "]");
            }
            return fallback;
        }
        for (E c : type.getEnumConstants()) {
            if (name(c).equals(e.value().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        List<String> known = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
            known.add(name(c));
        }
        throw error(e.line(), key, "unknown value \"" + e.value() + "\"; one of " + String.join(", ", known));
    }

    Duration duration(String key, Duration fallback) throws ProxyConfigException {
        IniFile.Entry e = left.remove(key);
        if (e == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(e.value());
        if (!m.matches()) {
            throw error(e.line(), key, "expected a duration such as 500ms, 1s, 2m or 1h, found " + e.value());
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    long size(String key, long fallback, long min, long max) throws ProxyConfigException {
        IniFile.Entry e = left.remove(key);
        if (e == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(e.value());
        if (!m.matches()) {
            throw error(e.line(), key, "expected a size such as 65536, 64KiB or 16MiB, found " + e.value());
        }
        long n = Long.parseLong(m.group(1))
                * switch (m.group(2)) {
                    case "KiB" -> 1024L;
                    case "MiB" -> 1024L * 1024;
                    case "GiB" -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
        if (n < min || n > max) {
            throw error(e.line(), key, e.value() + " is out of range " + min + ".." + max + " bytes");
        }
        return n;
    }

    /** A path that need not exist yet (relative to the file's directory), or null when not given. */
    Path location(String key, boolean required) throws ProxyConfigException {
        IniFile.Entry e = left.remove(key);
        if (e == null) {
            if (required) {
                throwIfMisspelt(key);
                throw error(section.line, key, "missing in [" + section.kind + "]");
            }
            return null;
        }
        Path p = Path.of(e.value());
        return p.isAbsolute() || base == null ? p : base.resolve(p);
    }

    /** A file that must be readable (relative to the file's directory), or null when not given. */
    Path path(String key, boolean required) throws ProxyConfigException {
        int line = left.containsKey(key) ? left.get(key).line() : section.line;
        Path p = location(key, required);
        if (p != null && !Files.isReadable(p)) {
            throw error(line, key, "cannot read the file " + p);
        }
        return p;
    }
}
