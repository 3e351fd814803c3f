package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strict session whose client goes away in the middle of a FETCH, before the server's answer, leaves its intent
 * LOST; with a lookup account the record of what may have gone out names the message, as a read cut by a crash is
 * named at restart. Without one it stays recorded by UID.
 */
class LostReadNamingTest {

    @TempDir
    Path dir;

    @Test
    void aFetchCutByTheClientGoingAwayIsRecordedWithTheMessagesIdentity() throws Exception {
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")));
                StallingRelay relay = new StallingRelay(dovecot.imapPort())) {
            String messageId = dovecot.seed("alice", "INBOX", "Board minutes", "Confidential.\n");
            String lookup = "lookup-user = " + DovecotInstance.MASTER + "\nlookup-password = "
                    + DovecotInstance.MASTER_PASSWORD + "\n";
            assertThat(lostReads(relay, "named", lookup))
                    .as("the read the session lost has one record, named by the lookup")
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .contains(";uid=1\"")
                            .contains(messageId)
                            .contains("Board minutes")
                            .contains("\"SizeInBytes\":"));
            // the same without a lookup account: the answer never reached the proxy, so the record is the lost
            // intent's, by UID only
            assertThat(lostReads(relay, "unnamed", ""))
                    .as("without a lookup account, by UID only")
                    .singleElement()
                    .satisfies(r -> assertThat(r).contains(";uid=1\"").doesNotContain(messageId));
        }
    }

    /**
     * Sends a FETCH through a proxy configured with {@code lookup}, holds the server's answer back and resets the
     * connection; returns the MailItemsAccessed records of the data directory afterwards.
     */
    private List<String> lostReads(StallingRelay relay, String name, String lookup) throws Exception {
        ProxyConfig config = ImapProxyConf.write(dir.resolve(name + ".conf"), relay.port(), lookup, "");
        Path data = dir.resolve(name);
        try (AuditingProxy proxy = AuditingProxy.start(config, data, Clock.systemUTC())) {
            relay.stall(false);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(
                        "127.0.0.1", proxy.addresses().get("imap").getPort()));
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                readLine(in);
                send(out, "a LOGIN alice " + DovecotInstance.PASSWORD);
                untilTagged(in, "a ");
                send(out, "b SELECT INBOX");
                untilTagged(in, "b ");
                relay.stall(true); // the server has the FETCH, but its answer does not reach the proxy
                send(out, "c UID FETCH 1 (BODY.PEEK[])");
                Thread.sleep(300); // the intent is journaled and the command forwarded
                socket.setSoLinger(true, 0); // the client goes away: a reset
            }
            Thread.sleep(300);
        }
        List<String> reads = new ArrayList<>();
        try (AuditPipeline reopened = AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
            reopened.mailboxLog().export(r -> {
                if (r.auditData().contains("MailItemsAccessed")) {
                    reads.add(r.auditData());
                }
                return true;
            });
        }
        return reads;
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void untilTagged(InputStream in, String tag) throws IOException {
        String line;
        do {
            line = readLine(in);
        } while (!line.startsWith(tag) && !line.isEmpty());
        assertThat(line).startsWith(tag + "OK");
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /**
     * A loopback TCP relay in front of the mail server that can hold back the server's answers on the connections
     * open when the stall began (a server slow to answer a session), while connections opened since (the proxy's
     * lookup connection) flow.
     */
    private static final class StallingRelay implements AutoCloseable {
        private final ServerSocket server;
        private final int target;
        /** Connections numbered below this are held back; -1: none. */
        private volatile int stallBelow = -1;

        private volatile int accepted;

        StallingRelay(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("stalling-relay").start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        void stall(boolean stall) {
            stallBelow = stall ? accepted : -1;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket from = server.accept();
                    Socket to = new Socket(InetAddress.getLoopbackAddress(), target);
                    int number = accepted++;
                    pump(from, to, -1);
                    pump(to, from, number);
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** Copies {@code source} to {@code sink}; the server's side of connection {@code number} may be held back. */
        private void pump(Socket source, Socket sink, int number) {
            Thread.ofPlatform().daemon().start(() -> {
                byte[] b = new byte[8192];
                try (source;
                        sink) {
                    InputStream in = source.getInputStream();
                    OutputStream out = sink.getOutputStream();
                    int n;
                    while ((n = in.read(b)) > 0) {
                        while (number >= 0 && number < stallBelow && !sink.isClosed()) {
                            Thread.sleep(10);
                        }
                        out.write(b, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // one side closed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
