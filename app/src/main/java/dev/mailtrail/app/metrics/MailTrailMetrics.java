package dev.mailtrail.app.metrics;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineObserver;
import dev.mailtrail.core.decision.Verdict;
import dev.mailtrail.core.generate.AuditStatistics;
import dev.mailtrail.core.record.RecordType;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.net.ProxyServer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The process's metrics, scraped as Prometheus's text exposition format. Events and stored records are counted as
 * the pipeline reports them; the rest is read when scraped: the journal's and the core's sequence numbers, the
 * core's counts as of the stores' last commit, the proxy's open connections and cache counters. A rate of {@code
 * mailtrail_events_journaled_total} is the events per second.
 */
public final class MailTrailMetrics {
    /** The media type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter journaled;
    private final Counter stored;
    private volatile AuditPipeline pipeline;
    private volatile ProxyServer proxy;

    public MailTrailMetrics() {
        journaled = Counter.builder()
                .name("mailtrail_events_journaled")
                .help("Access and admin events made durable in the journal")
                .register(registry);
        stored = Counter.builder()
                .name("mailtrail_records_stored")
                .help("Audit records handed to a store, by store and RecordType")
                .labelNames("log", "record_type")
                .register(registry);
        gauge("mailtrail_journal_sequence", "The journal's last durable sequence number", cb -> {
            AuditPipeline p = pipeline;
            if (p != null) {
                cb.call(p.journaledSequence());
            }
        });
        gauge("mailtrail_core_applied_sequence", "The last journal sequence number the audit core applied", cb -> {
            AuditPipeline p = pipeline;
            if (p != null) {
                cb.call(p.appliedSequence());
            }
        });
        gauge("mailtrail_journal_lag_entries", "Journal entries durable but not yet applied by the audit core", cb -> {
            AuditPipeline p = pipeline;
            if (p != null) {
                cb.call(Math.max(0, p.journaledSequence() - p.appliedSequence()));
            }
        });
        registerCoreCounts();
        registerProxy();
    }

    /** Counts what {@code pipeline} does from now on, and reads its sequence numbers and counts when scraped. */
    public void watch(AuditPipeline watched) {
        this.pipeline = watched;
        watched.observe(new PipelineObserver() {
            @Override
            public void journaled(int events) {
                journaled.inc(events);
            }

            @Override
            public void stored(String log, int recordType) {
                stored.labelValues(log, RecordType.name(recordType)).inc();
            }
        });
    }

    /** Reads {@code watched}'s open connections by protocol and its message-name cache when scraped. */
    public void watch(ProxyServer watched) {
        this.proxy = watched;
    }

    /** Every metric now, in Prometheus's text exposition format (version 0.0.4). */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void registerCoreCounts() {
        counter(
                "mailtrail_binds",
                "Message reads (binds) handed to the audit core, by what became of them",
                cb -> {
                    AuditStatistics s = statistics();
                    if (s != null) {
                        cb.call(s.bindsRecorded(), "recorded");
                        cb.call(s.bindsDeduplicated(), "deduplicated");
                        cb.call(s.bindsThrottled(), "throttled");
                        cb.call(s.bindsNotAudited(), "not_audited");
                    }
                },
                "outcome");
        counter(
                "mailtrail_syncs",
                "Folder syncs handed to the audit core, by what became of them",
                cb -> {
                    AuditStatistics s = statistics();
                    if (s != null) {
                        cb.call(s.syncsRecorded(), "recorded");
                        cb.call(s.syncsDeduplicated(), "deduplicated");
                    }
                },
                "outcome");
        counter(
                "mailtrail_accesses_not_audited",
                "Accesses no audit list asked for, by reason",
                cb -> {
                    AuditStatistics s = statistics();
                    if (s != null) {
                        for (Verdict verdict : Verdict.values()) {
                            if (verdict != Verdict.AUDITED) {
                                cb.call(
                                        s.notAudited().getOrDefault(verdict, 0L),
                                        verdict.name().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                },
                "reason");
        counter("mailtrail_throttled_records", "MailItemsAccessed throttling records made", cb -> {
            AuditStatistics s = statistics();
            if (s != null) {
                cb.call(s.throttledRecords());
            }
        });
        counter(
                "mailtrail_cmdlets",
                "Configuration cmdlets applied, by result",
                cb -> {
                    AuditStatistics s = statistics();
                    if (s != null) {
                        cb.call(s.cmdletsSucceeded(), "succeeded");
                        cb.call(s.cmdletsFailed(), "failed");
                    }
                },
                "result");
    }

    private void registerProxy() {
        GaugeWithCallback.builder()
                .name("mailtrail_proxy_open_sessions")
                .help("Client connections the proxy holds now, by protocol")
                .labelNames("protocol")
                .callback(cb -> {
                    ProxyServer p = proxy;
                    if (p != null) {
                        for (Map.Entry<MailProtocol, Integer> open :
                                p.connectionsByProtocol().entrySet()) {
                            cb.call(open.getValue(), open.getKey().name().toLowerCase(Locale.ROOT));
                        }
                    }
                })
                .register(registry);
        counter("mailtrail_lookup_cache_hits", "Message names the proxy's cache answered", cb -> {
            ProxyServer p = proxy;
            if (p != null) {
                cb.call(p.identityCacheHits());
            }
        });
        counter("mailtrail_lookup_cache_misses", "Message names the proxy's cache did not answer", cb -> {
            ProxyServer p = proxy;
            if (p != null) {
                cb.call(p.identityCacheMisses());
            }
        });
        counter("mailtrail_proxy_failed_events", "Events whose acknowledgement failed in the proxy", cb -> {
            ProxyServer p = proxy;
            if (p != null) {
                cb.call(p.failedEvents());
            }
        });
    }

    private AuditStatistics statistics() {
        AuditPipeline p = pipeline;
        return p == null ? null : p.committedStatistics().orElse(null);
    }

    private void gauge(String name, String help, Consumer<GaugeWithCallback.Callback> callback) {
        GaugeWithCallback.builder().name(name).help(help).callback(callback).register(registry);
    }

    private void counter(
            String name, String help, Consumer<CounterWithCallback.Callback> callback, String... labelNames) {
        CounterWithCallback.builder()
                .name(name)
                .help(help)
                .labelNames(labelNames)
                .callback(callback)
                .register(registry);
    }
}
