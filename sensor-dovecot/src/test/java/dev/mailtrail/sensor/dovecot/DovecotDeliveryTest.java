package dev.mailtrail.sensor.dovecot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Dovecot 2.3.19's http-post exporter delivers, measured: an event whose POST is answered with an error is not
 * sent again, and one posted while nothing listens is lost. The native sensor therefore gives no strict guarantee
 * (docs/dovecot-native-sensor.md).
 */
class DovecotDeliveryTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedOrUnreachablePostIsNotRetried() throws Exception {
        List<String> received = new ArrayList<>();
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        refusing.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(body);
                received.notifyAll();
            }
            exchange.sendResponseHeaders(503, -1); // every POST refused
            exchange.close();
        });
        refusing.start();
        int port = refusing.getAddress().getPort();
        String url = "http://127.0.0.1:" + port + "/";
        try (DovecotInstance dovecot = DovecotInstance.start(
                dir, null, ExporterConfiguration.posting(url, "event=mail_user_session_finished"))) {
            dovecot.seed("alice", "INBOX", "One", "Text.");
            try (ImapLines imap = new ImapLines(dovecot.imapPort())) {
                imap.command("LOGIN alice " + DovecotInstance.PASSWORD);
                imap.command("LOGOUT");
            }
            synchronized (received) {
                long until = System.currentTimeMillis() + 20_000;
                while (received.isEmpty() && System.currentTimeMillis() < until) {
                    received.wait(1000);
                }
            }
            Thread.sleep(3000); // room for a retry, had there been one
            assertThat(received)
                    .as("one session, one POST, refused, not sent again")
                    .hasSize(1);

            refusing.stop(0); // nothing listens now
            try (ImapLines imap = new ImapLines(dovecot.imapPort())) {
                imap.command("LOGIN alice " + DovecotInstance.PASSWORD);
                imap.command("LOGOUT");
            }
            Thread.sleep(3000);
            HttpServer back = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            List<String> later = new ArrayList<>();
            back.createContext("/", exchange -> {
                synchronized (later) {
                    later.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            back.start();
            try {
                Thread.sleep(5000); // room for a queued event to be sent, had it been queued
                synchronized (later) {
                    assertThat(later)
                            .as("the event of the session while nothing listened")
                            .isEmpty();
                }
            } finally {
                back.stop(0);
            }
            Files.writeString(
                    Path.of("target", "delivery.txt"),
                    dovecot.log()
                            .lines()
                            .filter(l -> l.contains("http") || l.contains("event") || l.contains("stats"))
                            .limit(20)
                            .reduce("", (a, b) -> a + b + "\n"));
        }
    }
}
