package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.TlsMode;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the proxy says to the submission server itself, after the greeting and before the client's first command:
 * EHLO (to learn the server's extensions), STARTTLS and EHLO again when the server is configured {@code tls =
 * starttls}, then {@code XCLIENT ADDR= PORT=} naming the real client when the server offers XCLIENT and {@code
 * identify-client} is on. The answers never reach the client; the client's own EHLO starts its session afresh.
 */
final class SmtpUpstreamHandshake {

    private static final System.Logger LOG = System.getLogger(SmtpUpstreamHandshake.class.getName());

    private final SmtpRelay relay;
    private List<String> capabilities = List.of();
    private boolean tlsDone;

    SmtpUpstreamHandshake(SmtpRelay relay) {
        this.relay = relay;
    }

    /** The extension keywords of the server's last EHLO reply to the proxy, upper-cased. */
    List<String> capabilities() {
        return capabilities;
    }

    /** The greeting has passed: EHLO. */
    void start() {
        List<String> lines = new ArrayList<>();
        InetSocketAddress local = (InetSocketAddress) relay.upstream.localAddress();
        String literal = local.getAddress() instanceof Inet6Address
                ? "[IPv6:" + local.getAddress().getHostAddress() + "]"
                : "[" + local.getAddress().getHostAddress() + "]";
        relay.exchangeWithUpstream("EHLO " + literal + "\r\n", line -> {
            lines.add(line.strip());
            return finalLine(line) ? () -> afterEhlo(lines) : null;
        });
    }

    /** TLS with the server is up: RFC 3207 §4.2, what was learnt before is forgotten, so EHLO again. */
    void secured() {
        tlsDone = true;
        start();
    }

    private void afterEhlo(List<String> lines) {
        List<String> keywords = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.startsWith("250") && line.length() > 4) {
                keywords.add(line.substring(4).split(" ", 2)[0].toUpperCase(Locale.ROOT));
            }
        }
        capabilities = List.copyOf(keywords);
        if (relay.context.upstream().tls() == TlsMode.STARTTLS && !tlsDone) {
            relay.startUpstreamTls();
        } else if (capabilities.contains("XCLIENT") && relay.context.upstream().identifyClient()) {
            nameTheClient();
        } else {
            relay.upstreamReady();
        }
    }

    private void nameTheClient() {
        relay.exchangeWithUpstream(Xclient.command(relay.clientAddress), line -> {
            if (!finalLine(line)) {
                return null;
            }
            return () -> {
                if (!line.startsWith("220")) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "session {0}: the mail server refused XCLIENT ({1}); it logs the proxy's address",
                            relay.sessionId,
                            line.strip());
                }
                relay.upstreamReady();
            };
        });
    }

    /** The last line of a reply: {@code NNN text}, not {@code NNN-text}. */
    static boolean finalLine(String line) {
        return line.length() < 4 || line.charAt(3) != '-';
    }
}
