package dev.mailtrail.bench;

import dev.mailtrail.app.api.MailTrailApi;
import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.AccessList;
import dev.mailtrail.app.api.access.ApiToken;
import dev.mailtrail.app.api.access.ManagementScope;
import dev.mailtrail.app.api.access.Role;
import dev.mailtrail.app.api.status.MetricsEndpoint;
import dev.mailtrail.app.ingest.IngestCommand;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.demo.tls.DemoCertificate;
import dev.mailtrail.format.event.AccessEventWriter;
import dev.mailtrail.proxy.config.TlsFiles;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine;

/**
 * The sensor API's ingest side by side with {@code mt ingest}, on the same events ({@link AccessMix}, 200,000 by
 * default): {@code POST /api/v1/events} over HTTPS in batches of 1,000 (each answered once durable) from one client
 * and from four, each into a fresh data directory, and {@code mt ingest} of the same events as one file. Prints
 * events/s (wall and per CPU-second of this process) and the ratios. Run: {@code ./mt bench SensorApiBench [COUNT]}.
 */
public final class SensorApiBench {
    static final int BATCH = 1_000;

    private SensorApiBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        AuditEvent[] events =
                AccessMix.generate(AccessMix.Traffic.BURSTY, count, 7, Instant.parse("2026-12-01T08:00:00Z"));
        AccessEventWriter writer = new AccessEventWriter();
        List<byte[]> batches = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int from = 0; from < count; from += BATCH) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                byte[] line = writer.toBytes(events[i]);
                batch.write(line);
                batch.write('\n');
            }
            batches.add(batch.toByteArray());
            batch.writeTo(all);
        }
        Path root = Files.createTempDirectory("mailtrail-sensor-bench");
        Path file = root.resolve("events.jsonl");
        Files.write(file, all.toByteArray());
        System.out.printf(
                Locale.ROOT, "%d events, %d batches of %d, %.1f MB%n", count, batches.size(), BATCH, all.size() / 1e6);

        Result ingest = measure("mt ingest (one file)", count, () -> {
            int exit = new CommandLine(new IngestCommand())
                    .execute("--data", root.resolve("ingest").toString(), file.toString());
            if (exit != 0) {
                throw new IllegalStateException("mt ingest exited " + exit);
            }
        });
        Result one = api(root.resolve("api-1"), batches, count, 1);
        Result four = api(root.resolve("api-4"), batches, count, 4);
        System.out.printf(
                Locale.ROOT,
                "%nratio API 1 client / mt ingest: %.2f× (per CPU-second %.2f×)%n",
                one.perSecond() / ingest.perSecond(),
                one.perCpuSecond() / ingest.perCpuSecond());
        System.out.printf(
                Locale.ROOT,
                "ratio API 4 clients / mt ingest: %.2f× (per CPU-second %.2f×)%n",
                four.perSecond() / ingest.perSecond(),
                four.perCpuSecond() / ingest.perCpuSecond());
    }

    private static Result api(Path data, List<byte[]> batches, int count, int clients) throws Exception {
        Files.createDirectories(data);
        DemoCertificate certificate = DemoCertificate.loadOrCreate(data.resolve("tls"), Clock.systemUTC());
        ApiToken.Issued sensor =
                ApiToken.issue("bench", Set.of(Role.SENSOR), ManagementScope.ORGANIZATION, new SecureRandom());
        new AccessFile(data).write(AccessList.EMPTY.with(sensor.token()));
        HttpClient http = client(certificate);
        try (AuditPipeline pipeline =
                        AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "sensor bench");
                MailTrailApi api = MailTrailApi.start(
                        new InetSocketAddress("127.0.0.1", 0),
                        new TlsFiles(certificate.certificate(), certificate.privateKey()),
                        pipeline,
                        Clock.systemUTC(),
                        MetricsEndpoint.MINIMAL)) {
            URI uri = URI.create("https://localhost:" + api.server().address().getPort() + "/api/v1/events");
            AtomicInteger next = new AtomicInteger();
            return measure("API, " + clients + " client(s)", count, () -> {
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    running.add(pool.submit(() -> {
                        for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                            HttpResponse<Void> answer = http.send(
                                    HttpRequest.newBuilder(uri)
                                            .header("Authorization", "Bearer " + sensor.bearer())
                                            .header("Content-Type", "application/x-ndjson")
                                            .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(b)))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (answer.statusCode() != 202) {
                                throw new IllegalStateException("batch " + b + ": HTTP " + answer.statusCode());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                pool.shutdown();
            });
        }
    }

    private static HttpClient client(DemoCertificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("bench", certificate.x509());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    private record Result(double perSecond, double perCpuSecond) {}

    private static Result measure(String what, int count, Run run) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        run.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        Result result = new Result(count / seconds, count / cpu);
        System.out.printf(
                Locale.ROOT,
                "%-24s %8.1f s  %9.0f events/s  %9.0f events per CPU-second%n",
                what,
                seconds,
                result.perSecond(),
                result.perCpuSecond());
        return result;
    }
}
