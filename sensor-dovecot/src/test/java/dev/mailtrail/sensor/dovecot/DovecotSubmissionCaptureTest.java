package dev.mailtrail.sensor.dovecot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.postfix.PostfixInstance;
import dev.mailtrail.sensor.dovecot.map.MappingRules;
import dev.mailtrail.sensor.dovecot.name.ItemNamer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Dovecot's submission service exports when a client sends through it, relaying to a real Postfix (relay user
 * alice, set after Postfix is up and Dovecot reloaded): the source of {@code dovecot-events/submission.jsonl}.
 */
class DovecotSubmissionCaptureTest {

    @TempDir
    Path dir;

    @Test
    void aSendThroughDovecotsSubmissionServiceIsCaptured() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/lib/dovecot/submission")),
                "Dovecot's submission service is not installed: apt-get install dovecot-submissiond");
        int submission;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            submission = s.getLocalPort();
        }
        Path relay = dir.resolve("relay.conf");
        Files.writeString(relay, "");
        boolean root = "root".equals(System.getProperty("user.name"));
        String extra = """
                protocols = $protocols submission
                hostname = mail.mailtrail.test
                service submission-login {
                  inet_listener submission {
                    address = 127.0.0.1
                    port = %d
                  }
                %s}
                !include_try %s
                """.formatted(submission, root ? "" : "  chroot =\n", relay);
        Files.createDirectories(dir.resolve("dovecot"));
        try (EventCollector collector = new EventCollector();
                DovecotInstance dovecot = DovecotInstance.start(
                        dir.resolve("dovecot"),
                        null,
                        extra + ExporterConfiguration.posting(collector.url("", "/"), ExporterConfiguration.FILTER));
                PostfixInstance postfix =
                        PostfixInstance.start(Files.createDirectories(dir.resolve("postfix")), dovecot)) {
            Files.writeString(relay, """
                    submission_relay_host = 127.0.0.1
                    submission_relay_port = %d
                    submission_relay_user = alice
                    submission_relay_password = %s
                    submission_relay_ssl = no
                    """.formatted(postfix.port(), DovecotInstance.PASSWORD));
            Process reload = new ProcessBuilder(
                            "/usr/bin/doveadm",
                            "-c",
                            dovecot.directory().resolve("dovecot.conf").toString(),
                            "reload")
                    .redirectErrorStream(true)
                    .start();
            reload.waitFor();
            Thread.sleep(1000);
            try (Socket socket = new Socket("127.0.0.1", submission)) {
                // Dovecot starts its auth and submission workers on the first connection after the reload: on a
                // loaded machine that takes more than 10 s
                socket.setSoTimeout(60_000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream();
                StringBuilder transcript = new StringBuilder();
                transcript.append(in.readLine()).append('\n');
                String plain = Base64.getEncoder()
                        .encodeToString(("\0alice\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
                for (String line : new String[] {
                    "EHLO client.example",
                    "AUTH PLAIN " + plain,
                    "MAIL FROM:<alice@mailtrail.test>",
                    "RCPT TO:<bob@example.org>",
                    "DATA",
                    "From: alice@mailtrail.test\r\nTo: bob@example.org\r\nSubject: Wire details\r\nMessage-ID: <sent-1@mailtrail.test>\r\n\r\nHere.\r\n.",
                    "QUIT"
                }) {
                    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    String reply;
                    do {
                        reply = in.readLine();
                        transcript.append(reply).append('\n');
                    } while (reply != null && reply.length() > 3 && reply.charAt(3) == '-');
                }
                Files.writeString(Path.of("target", "submission-transcript.txt"), transcript);
            }
            try {
                collector.await(b -> b.contains("smtp_server_transaction_finished"), Duration.ofSeconds(10));
                DovecotSensor sensor = new DovecotSensor(MappingRules.DEFAULTS, ItemNamer.UIDS_ONLY);
                List<String> sends = new ArrayList<>();
                for (String body : collector.bodies()) {
                    sensor.acceptLine(body).forEach(e -> sends.add(CapturedEvents.describe((MailboxAccess) e)));
                }
                assertThat(sends).contains("Send alice->alice (OWNER) @127.0.0.1");
            } finally {
                Files.createDirectories(Path.of("target", "captured"));
                Files.write(Path.of("target", "captured", "submission.jsonl"), collector.bodies());
                Files.writeString(Path.of("target", "submission-dovecot.log"), dovecot.log());
            }
        }
    }
}
