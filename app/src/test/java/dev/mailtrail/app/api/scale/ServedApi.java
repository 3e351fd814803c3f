package dev.mailtrail.app.api.scale;

import dev.mailtrail.app.Mt;
import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.ServeOutput;
import dev.mailtrail.demo.tls.DemoCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code mt serve} with an {@code [api]} section as a real process with JVM options of the test's choosing (a small
 * heap), an {@code Audit Logs} token, an HttpClient that trusts its certificate, and its resident set sampled from
 * {@code /proc} while it runs.
 */
final class ServedApi implements AutoCloseable {
    final Process process;
    final int port;
    final String token;
    final HttpClient client;
    private final ServeOutput output;
    private final Thread sampler;
    private volatile long peakSampledRss;
    private volatile long peakSampledAnon;
    private volatile long lastHwm;

    private ServedApi(Process process, int port, String token, HttpClient client) throws InterruptedException {
        this.process = process;
        this.port = port;
        this.token = token;
        this.client = client;
        this.output = ServeOutput.of(process);
        this.sampler = Thread.ofPlatform().daemon().start(this::sample);
        // opening replays the journal through a fresh core: about 2 s a million events on an idle machine
        output.awaitUp(600);
    }

    /** Starts {@code mt serve} on {@code data}, its configuration and certificate in {@code dir}. */
    static ServedApi start(Path dir, Path data, List<String> jvmOptions) throws Exception {
        String token = tokenFor(data);
        DemoCertificate certificate = DemoCertificate.loadOrCreate(dir.resolve("tls"), Clock.systemUTC());
        int imapPort = freePort();
        int apiPort = freePort();
        Path conf = dir.resolve("mt.conf");
        // the proxy's upstream is never dialled: only the API is used
        Files.writeString(conf, """
                [upstream imap]
                host = 127.0.0.1
                port = 1

                [listener imap]
                protocol = imap
                address = 127.0.0.1
                port = %d

                [tls]
                certificate = %s
                key = %s

                [api]
                address = 127.0.0.1
                port = %d
                """.formatted(imapPort, certificate.certificate(), certificate.privateKey(), apiPort));
        List<String> command = MtProcess.serveCommand(jvmOptions, conf, data);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ServedApi(process, apiPort, token, client(certificate));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token);
    }

    String printed() {
        return output.printed();
    }

    /** The largest resident set seen: the kernel's high-water mark (VmHWM) and the 100 ms samples of VmRSS. */
    long peakRssBytes() {
        return Math.max(lastHwm, peakSampledRss);
    }

    /**
     * The largest anonymous part of the resident set sampled (RssAnon: heap, thread stacks, direct buffers, the
     * JVM's own), without the index files Lucene maps, which the kernel may drop and read again at will.
     */
    long peakAnonymousBytes() {
        return peakSampledAnon;
    }

    private void sample() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        peakSampledRss = Math.max(peakSampledRss, kilobytes(line) * 1024);
                    } else if (line.startsWith("RssAnon:")) {
                        peakSampledAnon = Math.max(peakSampledAnon, kilobytes(line) * 1024);
                    } else if (line.startsWith("VmHWM:")) {
                        lastHwm = kilobytes(line) * 1024;
                    }
                }
                Thread.sleep(100);
            } catch (IOException | RuntimeException gone) {
                return; // the process ended between the check and the read
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static String tokenFor(Path data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Mt.run(
                new String[] {"token", "add", "scale-export", "--role", "Audit Logs", "--data", data.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("mt token add failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpClient client(DemoCertificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("served", certificate.x509());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        output.join(5_000);
        sampler.join(5_000);
    }
}
