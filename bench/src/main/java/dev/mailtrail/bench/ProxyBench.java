package dev.mailtrail.bench;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.bench.proxy.BenchCorpus;
import dev.mailtrail.bench.proxy.BenchOptions;
import dev.mailtrail.bench.proxy.CellJson;
import dev.mailtrail.bench.proxy.CpuMeter;
import dev.mailtrail.bench.proxy.CpuSplitTable;
import dev.mailtrail.bench.proxy.FetchResult;
import dev.mailtrail.bench.proxy.FetchRun;
import dev.mailtrail.bench.proxy.HaproxyRelay;
import dev.mailtrail.bench.proxy.IdleRun;
import dev.mailtrail.bench.proxy.LookupRun;
import dev.mailtrail.bench.proxy.TableRow;
import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.dovecot.DovecotDemoServer;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.LookupAccount;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyLimits;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import dev.mailtrail.proxy.net.ProxyServer;
import dev.mailtrail.proxy.session.AuditEventSink;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * {@code ./mt bench ProxyBench [--seconds S] [--warmup S] [--sessions 1,10,100] [--idle N] [--small N]
 * [--large N] [--depth N] [--lookups N] [--json FILE]}: in one run, against one throwaway Dovecot, FETCH throughput (messages/s, MB/s) and latency
 * (p50, p99) directly and through the auditing proxy in strict mode (every read journaled by the real audit
 * pipeline before its bytes go out), for 4 KB and 1 MB messages at each session count; then the proxy's memory
 * per idle IDLE session, and what naming a message by a lookup costs ({@link LookupRun}). Prints one table with the ratios; the proxy in async mode is measured beside it, so the
 * cost of waiting for the journal can be told from the cost of relaying, and, when Debian's haproxy is installed, a
 * plain TCP relay that parses and audits nothing, so the cost of any proxy on the machine can be told from this one's.
 * Each relay's CPU seconds per 10,000 messages stand beside its throughput ({@link CpuMeter}); {@code --json} writes
 * each FETCH cell as one JSON line ({@link CellJson}) as well.
 */
public final class ProxyBench {
    private static final String HOST = "127.0.0.1";
    private static final int SMALL_BYTES = BenchOptions.SMALL_BYTES;
    private static final int LARGE_BYTES = BenchOptions.LARGE_BYTES;

    private ProxyBench() {}

    /** The proxy's per-session log lines would be the bench's own cost: only warnings are logged. */
    private static final java.util.logging.Logger PROXY_LOG = java.util.logging.Logger.getLogger("dev.mailtrail.proxy");

    public static void main(String[] args) throws Exception {
        PROXY_LOG.setLevel(java.util.logging.Level.WARNING);
        if (List.of(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ProxyBench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Optional<Path> jsonDirectory =
                options.json().map(file -> file.toAbsolutePath().getParent());
        if (jsonDirectory.isPresent() && !Files.isDirectory(jsonDirectory.get())) {
            // said before the minutes of measuring, not after
            System.err.println(
                    "ProxyBench: --json " + options.json().get() + ": no such directory " + jsonDirectory.get());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        Path data = Files.createTempDirectory("mailtrail-proxybench-");
        out.printf(
                "ProxyBench: %d s measured after %d s warm-up per cell; sessions %s, each with %s; %d idle"
                        + " sessions%n",
                options.seconds(),
                options.warmUp(),
                Arrays.toString(options.sessions()),
                options.depth() == 1
                        ? "one FETCH at a time"
                        : options.depth() + " FETCH commands in flight (pipelined)",
                options.idle());
        try {
            run(options, out, data);
        } finally {
            deleteTree(data);
        }
    }

    private static void run(BenchOptions options, PrintStream out, Path data) throws Exception {
        try (DovecotDemoServer dovecot = DovecotDemoServer.start(
                        0,
                        0,
                        BenchCorpus.messages(options.smallCount(), SMALL_BYTES, options.largeCount(), LARGE_BYTES));
                AuditPipeline pipeline = AuditPipeline.open(
                        data, Clock.systemUTC(), PipelineOptions.defaults(), "mt bench ProxyBench")) {
            LongAdder journaled = new LongAdder();
            AuditEventSink sink = AuditEventSink.grouping(
                    event -> {
                        journaled.increment();
                        return pipeline.submit(event);
                    },
                    events -> {
                        journaled.add(events.size());
                        return pipeline.submitAll(events);
                    });
            ProxyServer strict = ProxyServer.start(config(dovecot, AuditMode.STRICT), sink);
            ProxyServer async = ProxyServer.start(config(dovecot, AuditMode.ASYNC), sink);
            ProxyServer lookup = ProxyServer.start(withLookup(config(dovecot, AuditMode.STRICT)), sink);
            Optional<HaproxyRelay> relay = startRelay(dovecot);
            try {
                int strictPort = strict.address("imap").getPort();
                int asyncPort = async.address("imap").getPort();
                out.printf(
                        "%s; the proxy on %s:%d in strict mode (and on %d in async mode, for comparison),"
                                + " journal and audit logs in %s (removed at the end); %s%n%n",
                        dovecot.description(),
                        HOST,
                        strictPort,
                        asyncPort,
                        data,
                        relay.map(r -> r.version() + " in TCP mode on " + HOST + ":" + r.port()
                                        + " as the plain relay (no parsing, no audit)")
                                .orElse("no plain relay column: haproxy is not installed (Debian: apt-get install"
                                        + " haproxy)"));
                out.println(TableRow.header());
                cells(options, out, dovecot, strictPort, asyncPort, relay);
                lookups(
                        out,
                        options.lookups(),
                        dovecot.imapPort(),
                        strictPort,
                        lookup.address("imap").getPort());
                idle(out, options.idle(), dovecot.imapPort(), strictPort);
                out.printf(
                        "%naudit: %d access events journaled, %d failed%n",
                        journaled.sum(), strict.failedEvents() + async.failedEvents());
            } finally {
                strict.close();
                async.close();
                lookup.close();
                if (relay.isPresent()) {
                    relay.get().close();
                }
            }
        }
    }

    /**
     * The FETCH table, each cell also a JSON line when asked. Strict and async are measured as this JVM's CPU without
     * its bench sessions (the audit pipeline, with the journal's fdatasync thread, runs here too); HAProxy as its own
     * process's.
     */
    private static void cells(
            BenchOptions options,
            PrintStream out,
            DovecotDemoServer dovecot,
            int strictPort,
            int asyncPort,
            Optional<HaproxyRelay> relay)
            throws Exception {
        CpuMeter jvm = CpuMeter.benchJvmWithoutClients();
        CpuMeter server = CpuMeter.processTree(dovecot.pid());
        List<TableRow> rows = new java.util.ArrayList<>();
        try (Writer json = options.json().isPresent()
                ? Files.newBufferedWriter(options.json().get(), StandardCharsets.UTF_8)
                : Writer.nullWriter()) {
            compile(options, List.of(strictPort, asyncPort), jvm, server);
            for (String folder : List.of(BenchCorpus.SMALL, BenchCorpus.LARGE)) {
                int size = folder.equals(BenchCorpus.SMALL) ? SMALL_BYTES : LARGE_BYTES;
                if (!measured(options, size)) {
                    continue;
                }
                for (int sessions : options.sessions()) {
                    TableRow row = new TableRow(
                            size == SMALL_BYTES ? "4 KB" : "1 MB",
                            sessions,
                            fetch(options, dovecot.imapPort(), folder, sessions, jvm, server),
                            fetch(options, strictPort, folder, sessions, jvm, server),
                            fetch(options, asyncPort, folder, sessions, jvm, server),
                            relay.isPresent()
                                    ? fetch(
                                            options,
                                            relay.get().port(),
                                            folder,
                                            sessions,
                                            CpuMeter.process(relay.get().pid()),
                                            server)
                                    : null);
                    out.println(row.format());
                    rows.add(row);
                    json.write(CellJson.line(
                                    size,
                                    sessions,
                                    options.depth(),
                                    row.direct(),
                                    row.strict(),
                                    row.async(),
                                    row.relay())
                            + "\n");
                    json.flush();
                }
            }
        }
        CpuSplitTable.print(out, rows);
    }

    private static Optional<HaproxyRelay> startRelay(DovecotDemoServer dovecot) throws IOException {
        Optional<Path> haproxy = HaproxyRelay.executable();
        return haproxy.isPresent()
                ? Optional.of(HaproxyRelay.start(haproxy.get(), HOST, dovecot.imapPort()))
                : Optional.empty();
    }

    /** The journal and audit logs of a bench run are thrown away with it. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean measured(BenchOptions options, int size) {
        return Arrays.stream(options.sizes()).anyMatch(s -> s == size);
    }

    /**
     * Drives each proxy unmeasured, one session at each size measured, for {@code --jit-warmup} seconds before the
     * first cell: the compiler's work on the proxy's code (seconds of CPU on a shared two-core machine) would
     * otherwise land in the first proxy cell, strict's with one session, and read as its cost per message.
     */
    private static void compile(BenchOptions options, List<Integer> ports, CpuMeter jvm, CpuMeter server)
            throws Exception {
        if (options.jitWarmUp() == 0) {
            return;
        }
        for (int port : ports) {
            for (String folder : List.of(BenchCorpus.SMALL, BenchCorpus.LARGE)) {
                if (measured(options, folder.equals(BenchCorpus.SMALL) ? SMALL_BYTES : LARGE_BYTES)) {
                    new FetchRun(
                                    HOST,
                                    port,
                                    folder,
                                    1,
                                    options.depth(),
                                    Duration.ofSeconds(options.jitWarmUp()),
                                    Duration.ofSeconds(1),
                                    jvm,
                                    server)
                            .run();
                }
            }
        }
    }

    private static FetchResult fetch(
            BenchOptions options, int port, String folder, int sessions, CpuMeter relay, CpuMeter server)
            throws Exception {
        return new FetchRun(
                        HOST,
                        port,
                        folder,
                        sessions,
                        options.depth(),
                        Duration.ofSeconds(options.warmUp()),
                        Duration.ofSeconds(options.seconds()),
                        relay,
                        server)
                .run();
    }

    /**
     * The lookup column: reads whose responses name no message ({@code BODY.PEEK[TEXT]}), directly, through the
     * strict proxy without a lookup account, and through one with the demo's master user as lookup account, first
     * with a cold cache (one lookup per read) and then again over the same messages (all cached).
     */
    private static void lookups(PrintStream out, int count, int directPort, int strictPort, int lookupPort)
            throws Exception {
        if (count == 0) {
            return;
        }
        String folder = BenchCorpus.SMALL;
        LookupRun.Result direct = LookupRun.run(HOST, directPort, folder, count);
        LookupRun.Result plain = LookupRun.run(HOST, strictPort, folder, count);
        LookupRun.Result cold = LookupRun.run(HOST, lookupPort, folder, count);
        LookupRun.Result warm = LookupRun.run(HOST, lookupPort, folder, count);
        // the same sequence again without a lookup: what order alone (a warmer journal, a folder in a Sync episode)
        // changes, so that it is not mistaken for the cache
        LookupRun.Result again = LookupRun.run(HOST, strictPort, folder, count);
        out.printf(
                "%nlookup: %d reads of BODY.PEEK[TEXT] (4 KB messages), one session, one at a time%n"
                        + "  %-52s %8s %8s %8s %9s%n",
                direct.sortedNanos().length, "", "reads/s", "p50 ms", "p99 ms", "added p50");
        for (var row : List.of(
                java.util.Map.entry("direct to Dovecot", direct),
                java.util.Map.entry("proxy, strict, no lookup account", plain),
                java.util.Map.entry("proxy, strict, lookup, cold cache (1 lookup/read)", cold),
                java.util.Map.entry("proxy, strict, lookup, warm cache", warm),
                java.util.Map.entry("proxy, strict, no lookup account, again", again))) {
            out.printf(
                    "  %-52s %8.0f %8.2f %8.2f %9.2f%n",
                    row.getKey(),
                    row.getValue().readsPerSecond(),
                    row.getValue().p50Millis(),
                    row.getValue().p99Millis(),
                    row.getValue().p50Millis() - plain.p50Millis());
        }
    }

    /** The demo Dovecot's master user names messages for the proxy, as a lookup account would in production. */
    private static ProxyConfig withLookup(ProxyConfig c) {
        return c.withUpstream(
                MailProtocol.IMAP,
                c.imapUpstream()
                        .withLookup(new LookupAccount(DemoUsers.ADMIN, DemoUsers.PASSWORD, Duration.ofSeconds(5))));
    }

    private static void idle(PrintStream out, int sessions, int directPort, int proxyPort) throws Exception {
        if (sessions == 0) {
            return;
        }
        IdleRun.Memory clientsOnly = IdleRun.measure(HOST, directPort, sessions);
        IdleRun.Memory withProxy = IdleRun.measure(HOST, proxyPort, sessions);
        long heap = withProxy.heap() - clientsOnly.heap();
        long direct = withProxy.direct() - clientsOnly.direct();
        out.printf(
                "%n%d idle IDLE sessions: the proxy holds %.1f KiB per session (heap %.1f KiB, direct buffers"
                        + " %.1f KiB; resident set %+.1f KiB): this JVM's memory with the sessions open through the"
                        + " proxy (heap and direct %.1f MiB) minus with the same sessions open directly (%.1f MiB, the"
                        + " clients' own share)%n",
                sessions,
                (heap + direct) / 1024.0 / sessions,
                heap / 1024.0 / sessions,
                direct / 1024.0 / sessions,
                (withProxy.resident() - clientsOnly.resident()) / 1024.0 / sessions,
                withProxy.total() / 1048576.0,
                clientsOnly.total() / 1048576.0);
    }

    private static ProxyConfig config(DovecotDemoServer dovecot, AuditMode mode) {
        ImapAuditConfig defaults = ImapAuditConfig.DEFAULTS;
        return ProxyConfig.of(
                        List.of(ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE)),
                        null,
                        java.util.Map.of(
                                MailProtocol.IMAP,
                                UpstreamConfig.plain(dovecot.host(), dovecot.imapPort()),
                                MailProtocol.POP3,
                                UpstreamConfig.plain(dovecot.host(), dovecot.pop3Port())))
                .withMode(mode)
                .withAudit(new ImapAuditConfig(
                        defaults.masterSeparator(),
                        dovecot.sharedPrefix(),
                        defaults.trashFolder(),
                        defaults.maxTrackedMessages(),
                        defaults.downloadRule()))
                // every bench session comes from 127.0.0.1: the per-address limit would refuse the 100 and the idle
                // ones
                .withLimits(ProxyLimits.DEFAULTS.withConnections(100_000, 100_000));
    }
}
