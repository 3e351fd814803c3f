package dev.mailtrail.proxy.config;

import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import dev.mailtrail.proxy.session.DownloadRuleConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the proxy's configuration file (docs/proxy-configuration.md; examples/mailtrail-proxy.conf): sections
 * {@code [audit]}, {@code [download-rule]}, {@code [tls]}, {@code [upstream imap]}, {@code [upstream pop3]},
 * {@code [upstream submission]}, {@code [upstream managesieve]}, {@code [listener NAME]}, {@code [limits]},
 * {@code [anchors]}, {@code [api]}, {@code [journal]} and {@code [cluster]}. One method here reads each section into its value, with {@link SectionValues}
 * taking each key as its type; what spans sections (a listener's upstream and certificate) is checked once all are
 * read. An unknown key, a bad value or a missing one is reported with its file, line and key. Relative paths are
 * taken from the file's directory.
 */
public final class ProxyConfigFile {

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
        Map<MailProtocol, UpstreamConfig> upstreams = new EnumMap<>(MailProtocol.class);
        Set<String> internalDomains = Set.of();
        ProxyLimits limits = ProxyLimits.DEFAULTS;
        AnchorFiles anchors = null;
        ApiListenerConfig api = null;
        int apiLine = 0;
        JournalSettings journal = JournalSettings.DEFAULTS;
        int journalLine = 0;
        ClusterConfig cluster = null;
        int clusterLine = 0;
        List<ListenerConfig> listeners = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IniFile.Section s : file.sections) {
            String id = s.kind + (s.name == null ? "" : " " + s.name);
            if (!seen.add(id)) {
                throw error(s.line, null, "section [" + id + "] given twice");
            }
            SectionValues v = new SectionValues(s, file.source, base);
            switch (s.kind) {
                case "audit" -> {
                    v.noName();
                    mode = v.choice("mode", AuditMode.class, AuditMode.STRICT);
                    String sep = v.text("master-user-separator", "*");
                    internalDomains = domains(v.text("internal-domains", ""));
                    audit = audit(v, sep, audit);
                }
                case "download-rule" -> rule = downloadRule(v);
                case "tls" -> {
                    v.noName();
                    tls = new TlsFiles(v.path("certificate", true), v.path("key", true));
                }
                case "upstream" -> {
                    MailProtocol p = v.protocolName();
                    UpstreamConfig u = upstream(v);
                    upstreams.put(p, p == MailProtocol.IMAP ? u.withLookup(lookup(v)) : u);
                }
                case "listener" -> listeners.add(listener(v));
                case "limits" -> limits = limits(v);
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
                case "journal" -> {
                    journal = journal(v);
                    journalLine = s.line;
                }
                case "cluster" -> {
                    cluster = ClusterSection.read(v);
                    clusterLine = s.line;
                }
                default ->
                    throw error(
                            s.line,
                            null,
                            "unknown section [" + s.kind
                                    + "]; known: audit, download-rule, tls, upstream, listener, limits, anchors, api,"
                                    + " journal, cluster");
            }
            v.noneLeft();
        }
        audit = new ImapAuditConfig(
                audit.masterSeparator(), audit.sharedPrefix(), audit.trashFolder(), audit.maxTrackedMessages(), rule);
        checkAcrossSections(listeners, tls, upstreams, api, apiLine);
        if (cluster != null && journalLine != 0) {
            throw error(
                    Math.max(journalLine, clusterLine),
                    null,
                    "[journal] sets the data directory's journal, but with [cluster] the journal is Kafka's topic;"
                            + " keep one of the two");
        }
        return new ProxyConfig(
                listeners,
                tls,
                upstreams.get(MailProtocol.IMAP),
                upstreams.get(MailProtocol.POP3),
                mode,
                audit,
                limits,
                upstreams.get(MailProtocol.SUBMISSION),
                upstreams.get(MailProtocol.MANAGESIEVE),
                internalDomains,
                anchors,
                api,
                journal,
                cluster);
    }

    /** What one section cannot check alone: each listener has its server, and its certificate when it offers TLS. */
    private void checkAcrossSections(
            List<ListenerConfig> listeners,
            TlsFiles tls,
            Map<MailProtocol, UpstreamConfig> upstreams,
            ApiListenerConfig api,
            int apiLine)
            throws ProxyConfigException {
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
            if (upstreams.get(l.protocol()) == null) {
                throw error(
                        s.line,
                        "protocol",
                        "listener " + l.name() + " speaks " + SectionValues.name(l.protocol())
                                + " but there is no [upstream " + SectionValues.name(l.protocol()) + "] section");
            }
        }
        if (api != null && tls == null) {
            throw error(
                    apiLine, null, "[api] serves HTTPS with the certificate of [tls], but there is no [tls] section");
        }
    }

    /** {@code tail}, {@code snapshot-interval}, {@code snapshot-entries}; each left out is the pipeline's default. */
    private static JournalSettings journal(SectionValues v) throws ProxyConfigException {
        v.noName();
        long tail = v.size("tail", -1, 0, 1L << 40);
        IniFile.Entry given = v.left.get("snapshot-interval");
        Duration interval = v.duration("snapshot-interval", null);
        if (interval != null && interval.isZero()) {
            throw v.error(given.line(), given.key(), "must be above 0, found " + given.value());
        }
        int entries = v.integer("snapshot-entries", 0, 1, Integer.MAX_VALUE);
        return new JournalSettings(tail < 0 ? null : tail, interval, entries == 0 ? null : (long) entries);
    }

    private static ImapAuditConfig audit(SectionValues v, String separator, ImapAuditConfig defaults)
            throws ProxyConfigException {
        return new ImapAuditConfig(
                separator.equals("none") ? null : separator,
                v.text("shared-prefix", defaults.sharedPrefix()),
                v.text("trash-folder", defaults.trashFolder()),
                v.integer("max-tracked-messages", defaults.maxTrackedMessages(), 1000, Integer.MAX_VALUE),
                defaults.downloadRule());
    }

    private static DownloadRuleConfig downloadRule(SectionValues v) throws ProxyConfigException {
        v.noName();
        DownloadRuleConfig d = DownloadRuleConfig.DEFAULTS;
        return new DownloadRuleConfig(
                v.duration("think", d.think()),
                v.duration("gap", d.gap()),
                v.integer("chain-length", d.chainLength(), 2, 1000),
                v.duration("bind-hold", d.bindHold()),
                v.duration("episode-quiet", d.episodeQuiet()),
                v.integer("messages-per-command", d.messagesPerCommand(), 2, 1_000_000),
                v.integer("pop3-retrievals", d.pop3Retrievals(), 2, 1_000_000));
    }

    private static ProxyLimits limits(SectionValues v) throws ProxyConfigException {
        v.noName();
        ProxyLimits d = ProxyLimits.DEFAULTS;
        Duration login = v.duration("login-timeout", d.loginTimeout());
        Duration handshake = v.duration("tls-handshake-timeout", d.tlsHandshakeTimeout());
        if (login.isZero() || handshake.isZero()) {
            throw v.error(v.section.line, "login-timeout", "login-timeout and tls-handshake-timeout must be above 0");
        }
        return new ProxyLimits(
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

    private static Set<String> domains(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String d : list.split("[,\\s]+")) {
            String domain = d.strip().toLowerCase(Locale.ROOT);
            if (!domain.isEmpty()) {
                out.add(domain.startsWith("@") ? domain.substring(1) : domain);
            }
        }
        return out;
    }

    private UpstreamConfig upstream(SectionValues v) throws ProxyConfigException {
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
    private LookupAccount lookup(SectionValues v) throws ProxyConfigException {
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

    private ListenerConfig listener(SectionValues v) throws ProxyConfigException {
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
}
