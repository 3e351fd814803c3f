package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.IntentNamer;
import dev.mailtrail.proxy.config.LookupAccount;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the server cannot name the messages, the namer names nothing and the items stay recorded by UID. */
class LookupIntentNamerTest {
    private static final List<IntentNamer.Unnamed> ITEMS =
            List.of(new IntentNamer.Unnamed("bob", "INBOX", 7, 1, "bob/INBOX;uidvalidity=7;uid=1"));

    @Test
    void noLookupAccountNamesNothing() {
        assertThat(LookupIntentNamer.of(upstream(1).withLookup(null))).isSameAs(IntentNamer.NONE);
        assertThat(LookupIntentNamer.of(null)).isSameAs(IntentNamer.NONE);
    }

    @Test
    void aServerNobodyAnswersOnNamesNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(LookupIntentNamer.of(upstream(port)).name(ITEMS)).isEmpty();
    }

    @Test
    void aServerThatSaysNothingNamesNothing() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (Exception e) {
                    // the test is over
                }
            });
            assertThat(LookupIntentNamer.of(upstream(silent.getLocalPort())).name(ITEMS))
                    .isEmpty();
        }
    }

    private static UpstreamConfig upstream(int port) {
        return new UpstreamConfig(
                        "127.0.0.1",
                        port,
                        TlsMode.NONE,
                        false,
                        null,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        false)
                .withLookup(new LookupAccount("auditor", "Master456", Duration.ofMillis(500)));
    }
}
