package dev.mailtrail.proxy.config;

import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import dev.mailtrail.proxy.session.DownloadRuleConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the proxy's configuration file (docs/proxy-configuration.md; examples/mailtrail-proxy.conf): sections
 * {@code [audit]}, {@code [download-rule]}, {@code [tls]}, {@code [upstream imap]}, {@code [upstream pop3]},
 * {@code [upstream managesieve]},
 * {@code [listener NAME]}, {@code [limits]}, {@code [anchors]} and {@code [api]}. Every value is checked; an unknown key, a bad value or a missing
 * one is reported with its file, line and key. Relative paths are taken from the file's directory.
 */
public final class ProxyConfigFile {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KiB|MiB|GiB)");

    private final IniFile file;
    private final Path base;

    private ProxyConfigFile(IniFile file, Path base) {
        this.file = file;
        this.base = base;
    }

    /** Reads and checks {@code path}. */
    public static ProxyConfig read(Path path) throws ProxyConfigException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProxyConfigException(path.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        Path dir = path.toAbsolutePath().getParent();
        return parse(text, path.toString(), dir);
    }

    /** Checks {@code text}, naming it {@code source} in errors; relative paths are resolved against {@code base}. */
    public static ProxyConfig parse(String text, String source, Path base) throws ProxyConfigException {
        return new ProxyConfigFile(IniFile.parse(text, source), base).build();
    }

    private ProxyConfig build() throws ProxyConfigException {
        AuditMode mode = AuditMode.STRICT;
        ImapAuditConfig audit = ImapAuditConfig.DEFAULTS;
        DownloadRuleConfig rule = DownloadRuleConfig.DEFAULTS;
        TlsFiles tls = null;
        UpstreamConfig imap = null;
        UpstreamConfig pop3 = null;
        UpstreamConfig submission = null;
        UpstreamConfig manageSieve = null;
        Set<String> internalDomains = Set.of();
        ProxyLimits limits = ProxyLimits.DEFAULTS;
        AnchorFiles anchors = null;
        ApiListenerConfig api = null;
        int apiLine = 0;
        List<ListenerConfig> listeners = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IniFile.Section s : file.sections) {
            String id = s.kind + (s.name == null ? "" : " " + s.name);
            if (!seen.add(id)) {
                throw error(s.line, null, "section [" + id + "] given twice");
            }
            Values v = new Values(s);
            switch (s.kind) {
                case "audit" -> {
                    v.noName();
                    mode = v.choice("mode", AuditMode.class, AuditMode.STRICT);
                    String sep = v.text("master-user-separator", "*");
                    internalDomains = domains(v.text("internal-domains", ""));
                    audit = new ImapAuditConfig(
                            sep.equals("none") ? null : sep,
                            v.text("shared-prefix", audit.sharedPrefix()),
                            v.text("trash-folder", audit.trashFolder()),
                            v.integer("max-tracked-messages", audit.maxTrackedMessages(), 1000, Integer.MAX_VALUE),
                            rule);
                }
                case "download-rule" -> {
                    v.noName();
                    DownloadRuleConfig d = DownloadRuleConfig.DEFAULTS;
                    rule = new DownloadRuleConfig(
                            v.duration("think", d.think()),
                            v.duration("gap", d.gap()),
                            v.integer("chain-length", d.chainLength(), 2, 1000),
                            v.duration("bind-hold", d.bindHold()),
                            v.duration("episode-quiet", d.episodeQuiet()),
                            v.integer("messages-per-command", d.messagesPerCommand(), 2, 1_000_000),
                            v.integer("pop3-retrievals", d.pop3Retrievals(), 2, 1_000_000));
                }
                case "tls" -> {
                    v.noName();
                    tls = new TlsFiles(v.path("certificate", true), v.path("key", true));
                }
                case "upstream" -> {
                    MailProtocol p = v.protocolName();
                    UpstreamConfig u = upstream(v);
                    switch (p) {
                        case IMAP -> imap = u.withLookup(lookup(v));
                        case POP3 -> pop3 = u;
                        case SUBMISSION -> submission = u;
                        case MANAGESIEVE -> manageSieve = u;
                    }
                }
                case "listener" -> listeners.add(listener(v));
                case "limits" -> {
                    v.noName();
                    ProxyLimits d = ProxyLimits.DEFAULTS;
                    Duration login = v.duration("login-timeout", d.loginTimeout());
                    Duration handshake = v.duration("tls-handshake-timeout", d.tlsHandshakeTimeout());
                    if (login.isZero() || handshake.isZero()) {
                        throw error(s.line, "login-timeout", "login-timeout and tls-handshake-timeout must be above 0");
                    }
                    limits = new ProxyLimits(
                            (int) v.size("max-line-length", d.maxLineLength(), 1024, 16L << 20),
                            v.size("max-literal-size", d.maxLiteralSize(), 0, 1L << 40),
                            (int) v.size("capture-limit", d.captureLimit(), 0, 16L << 20),
                            (int) v.size("max-held-bytes", d.maxHeldBytes(), 0, 1L << 30),
                            v.integer("max-connections", d.maxConnections(), 1, 1_000_000),
                            v.integer("max-connections-per-ip", d.maxConnectionsPerIp(), 1, 1_000_000),
                            login,
                            handshake,
                            v.integer("descriptor-reserve", d.descriptorReserve(), 0, 1_000_000));
                }
                case "anchors" -> {
                    v.noName();
                    anchors = new AnchorFiles(v.location("directory", true), v.location("signing-key", false));
                }
                case "api" -> {
                    v.noName();
                    api = new ApiListenerConfig(
                            v.address("address", "127.0.0.1"),
                            v.integer("port", ApiListenerConfig.DEFAULT_PORT, 1, 65_535));
                    apiLine = s.line;
                }
                default ->
                    throw error(
                            s.line,
                            null,
                            "unknown section [" + s.kind
                                    + "]; known: audit, download-rule, tls, upstream, listener, limits, anchors, api");
            }
            v.noneLeft();
        }
        audit = new ImapAuditConfig(
                audit.masterSeparator(), audit.sharedPrefix(), audit.trashFolder(), audit.maxTrackedMessages(), rule);
        if (listeners.isEmpty()) {
            throw error(0, null, "no [listener NAME] section: the proxy would accept no one");
        }
        for (IniFile.Section s : file.sections) {
            if (!s.kind.equals("listener")) {
                continue;
            }
            ListenerConfig l = listeners.stream()
                    .filter(x -> x.name().equals(s.name))
                    .findFirst()
                    .orElseThrow();
            if (l.tls() != TlsMode.NONE && tls == null) {
                throw error(s.line, "tls", "listener " + l.name() + " offers TLS but there is no [tls] section");
            }
            UpstreamConfig behind =
                    switch (l.protocol()) {
                        case IMAP -> imap;
                        case POP3 -> pop3;
                        case SUBMISSION -> submission;
                        case MANAGESIEVE -> manageSieve;
                    };
            if (behind == null) {
                throw error(
                        s.line,
                        "protocol",
                        "listener " + l.name() + " speaks " + name(l.protocol()) + " but there is no [upstream "
                                + name(l.protocol()) + "] section");
            }
        }
        if (api != null && tls == null) {
            throw error(
                    apiLine, null, "[api] serves HTTPS with the certificate of [tls], but there is no [tls] section");
        }
        return new ProxyConfig(
                listeners,
                tls,
                imap,
                pop3,
                mode,
                audit,
                limits,
                submission,
                manageSieve,
                internalDomains,
                anchors,
                api);
    }

    private static Set<String> domains(String list) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String d : list.split("[,\\s]+")) {
            String domain = d.strip().toLowerCase(Locale.ROOT);
            if (!domain.isEmpty()) {
                out.add(domain.startsWith("@") ? domain.substring(1) : domain);
            }
        }
        return out;
    }

    private UpstreamConfig upstream(Values v) throws ProxyConfigException {
        TlsMode tls = v.choice("tls", TlsMode.class, TlsMode.NONE);
        return new UpstreamConfig(
                v.required("host"),
                v.integer("port", -1, 1, 65535),
                tls,
                v.bool("verify", true),
                v.path("trusted-certificates", false),
                v.duration("connect-timeout", Duration.ofSeconds(10)),
                v.duration("response-timeout", Duration.ofSeconds(60)),
                v.bool("identify-client", true));
    }

    /** {@code lookup-user}, {@code lookup-password}, {@code lookup-timeout}: both or neither of the first two. */
    private LookupAccount lookup(Values v) throws ProxyConfigException {
        IniFile.Entry user = v.left.get("lookup-user");
        IniFile.Entry password = v.left.get("lookup-password");
        Duration timeout = v.duration("lookup-timeout", Duration.ofSeconds(2));
        if (user == null && password == null) {
            return null;
        }
        if (user == null || password == null) {
            IniFile.Entry given = user != null ? user : password;
            throw error(given.line(), given.key(), "lookup-user and lookup-password go together in [upstream imap]");
        }
        return new LookupAccount(v.required("lookup-user"), v.required("lookup-password"), timeout);
    }

    private ListenerConfig listener(Values v) throws ProxyConfigException {
        if (v.section.name == null) {
            throw error(v.section.line, null, "a listener needs a name: [listener imap]");
        }
        MailProtocol protocol = v.choice("protocol", MailProtocol.class, null);
        ListenerConfig l = new ListenerConfig(
                v.section.name,
                protocol,
                v.address("address", "0.0.0.0"),
                v.integer("port", -1, 0, 65535),
                v.choice("tls", TlsMode.class, TlsMode.NONE),
                v.bool("proxy-protocol", false),
                v.choice("plaintext-auth", PlaintextAuth.class, PlaintextAuth.SECURE_ONLY),
                v.networks("trusted-networks"),
                v.list("local-domains"));
        if (l.proxyProtocol() && l.trustedNetworks().isEmpty()) {
            // A PROXY header from anyone would let anyone choose the ClientIPAddress of the records.
            throw error(
                    v.section.line,
                    "trusted-networks",
                    "listener " + l.name() + " reads the PROXY protocol; name the load balancers that may send it"
                            + " (trusted-networks = 10.0.0.5/32, ...)");
        }
        return l;
    }

    private ProxyConfigException error(int line, String key, String problem) {
        return new ProxyConfigException(file.source, line, key, problem);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The values of one section, each taken once; what is left over is an unknown key. */
    private final class Values {
        final IniFile.Section section;
        final Map<String, IniFile.Entry> left;

        Values(IniFile.Section section) {
            this.section = section;
            this.left = new java.util.LinkedHashMap<>(section.entries);
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

        Path path(String key, boolean required) throws ProxyConfigException {
            IniFile.Entry e = left.remove(key);
            if (e == null) {
                if (required) {
                    throwIfMisspelt(key);
                    throw error(section.line, key, "missing in [" + section.kind + "]");
                }
                return null;
            }
            Path p = Path.of(e.value());
            p = p.isAbsolute() || base == null ? p : base.resolve(p);
            if (!Files.isReadable(p)) {
                throw error(e.line(), key, "cannot read the file " + p);
            }
            return p;
        }
    }
}
