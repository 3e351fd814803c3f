package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.PlaintextAuth;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import dev.mailtrail.proxy.pop3.codec.Pop3Request;
import dev.mailtrail.proxy.pop3.codec.Pop3RequestDecoder;
import dev.mailtrail.proxy.pop3.codec.Pop3Response;
import dev.mailtrail.proxy.pop3.codec.Pop3ResponseScanner;
import dev.mailtrail.proxy.pop3.session.Pop3SessionAuditor;
import dev.mailtrail.proxy.session.LookupResult;
import dev.mailtrail.proxy.session.MessageLookup;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * POP3 through the proxy. Commands are forwarded unchanged except STLS, which the proxy answers itself, and USER,
 * PASS and AUTH PLAIN/LOGIN where plaintext logins are refused (answered as Dovecot does). Responses go back
 * unchanged except the CAPA list, where STLS and the plaintext mechanisms follow the proxy's own listener.
 */
final class Pop3Relay extends ProtocolRelay {

    static final String PRIVACY_REQUIRED =
            "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.";

    private final Pop3RequestDecoder decoder;
    private final Pop3ResponseScanner scanner;
    private final Deque<String> sent = new ArrayDeque<>();
    private Pop3SessionAuditor auditor;
    private boolean loggedIn;
    private boolean quit;
    /** Requests held back from the auditor with the QUIT whose messages are being looked up, in order. */
    private final List<Pop3Request> awaitingLookup = new ArrayList<>();

    Pop3Relay(RelayContext context) {
        super(context);
        this.decoder = new Pop3RequestDecoder(context.config().limits().maxLineLength());
        this.scanner = new Pop3ResponseScanner(
                context.config().limits().maxLineLength(),
                context.config().limits().captureLimit());
    }

    @Override
    void sessionStarted() {
        ImapAuditConfig audit = context.config().audit();
        String ip = clientAddress.getAddress() == null
                ? clientAddress.getHostString()
                : clientAddress.getAddress().getHostAddress();
        auditor = new Pop3SessionAuditor(
                audit.masterSeparator(),
                audit.downloadRule(),
                sessionId,
                ip,
                context.clock(),
                events,
                context.config().mode() == AuditMode.STRICT);
        if (context.config().mode() == AuditMode.STRICT) {
            auditor.intentsTo(events);
        }
    }

    @Override
    CompletableFuture<?> intentCovering() {
        return events.intentCovering(auditor.answeringItemId());
    }

    @Override
    boolean clientAtLineStart() {
        return true; // POP3 is lines only
    }

    @Override
    void clientPiece(ByteBuf piece, boolean startsLine) {
        String[] words = ImapRelay.words(piece, 2);
        String name = words[0].toUpperCase(Locale.ROOT);
        if (startsLine && answeredHere(name, words, piece)) {
            return;
        }
        List<Pop3Request> requests = decoder.feed(ImapRelay.nio(piece));
        for (Pop3Request r : requests) {
            if (r instanceof Pop3Request.Malformed m) {
                piece.release();
                if (m.recoverable()) {
                    toClient("-ERR " + m.reason() + "\r\n"); // never forwarded: the server might read it otherwise
                } else {
                    closeWith("-ERR Unreadable command: " + m.reason() + "\r\n");
                }
                return;
            }
        }
        MessageLookup lookup = null;
        for (Pop3Request r : requests) {
            if (lookup == null
                    && r instanceof Pop3Request.Command c
                    && context.identities().looksUp()) {
                lookup = auditor.namingNeeded(c);
            }
        }
        if (lookup != null || !awaitingLookup.isEmpty()) {
            awaitingLookup.addAll(requests);
            if (lookup != null) {
                lookUp(lookup);
            }
        } else {
            // before the server has them: an intent's sync runs while the server works (docs/decisions/0011)
            requests.forEach(auditor::onRequest);
        }
        toServer(piece);
        for (Pop3Request r : requests) {
            if (r instanceof Pop3Request.Command c) {
                scanner.expect(c);
                sent.add(c.name());
            }
        }
    }

    /**
     * The QUIT that deletes messages never retrieved waits until the server has named them; the auditor sees it (and
     * journals its intent, named by the lookup) before the server gets it.
     */
    private void lookUp(MessageLookup lookup) {
        CompletableFuture<LookupResult> named = context.identities()
                .prefetch(lookup.folder(), lookup.selection())
                .toCompletableFuture();
        holdForServer();
        named.whenComplete((result, failure) -> client.eventLoop().execute(() -> {
            auditor.lookedUp(
                    lookup,
                    result != null ? result : LookupResult.failed(String.valueOf(failure)),
                    context.identities());
            if (client.isActive()) {
                awaitingLookup.forEach(auditor::onRequest);
            } // else the session ended while it waited, its intents closed: the held QUIT never reaches the server
            awaitingLookup.clear();
            releaseToServer();
        }));
    }

    private boolean answeredHere(String name, String[] words, ByteBuf piece) {
        if (name.equals("STLS")) {
            piece.release();
            if (clientTls) {
                toClient("-ERR TLS is already active.\r\n");
            } else if (context.listener().tls() != TlsMode.STARTTLS) {
                toClient("-ERR TLS support isn't enabled.\r\n");
            } else {
                startClientTls("+OK Begin TLS negotiation now.\r\n");
            }
            return true;
        }
        boolean plaintext = name.equals("USER")
                || name.equals("PASS")
                || (name.equals("AUTH")
                        && words.length > 1
                        && List.of("PLAIN", "LOGIN").contains(mechanism(words[1])));
        if (plaintext && plaintextRefused()) {
            piece.release();
            toClient(PRIVACY_REQUIRED + "\r\n");
            return true;
        }
        return false;
    }

    private static String mechanism(String rest) {
        String m = rest.strip();
        int sp = m.indexOf(' ');
        return (sp < 0 ? m : m.substring(0, sp)).toUpperCase(Locale.ROOT);
    }

    private boolean plaintextRefused() {
        return context.listener().plaintextAuth() == PlaintextAuth.SECURE_ONLY && !clientTls && !clientIsLoopback();
    }

    @Override
    boolean serverAtResponseStart() {
        return scanner.atResponseStart();
    }

    @Override
    void scanServerPiece(ByteBuf piece) {
        for (Pop3Response r : scanner.feed(ImapRelay.nio(piece))) {
            if (!(r instanceof Pop3Response.Continuation)) {
                decoder.serverCompleted();
                String command = sent.poll();
                quit |= "QUIT".equals(command);
                if (r instanceof Pop3Response.Status s
                        && s.ok()
                        && command != null
                        && (command.equals("PASS") || command.equals("AUTH") || command.equals("APOP"))) {
                    loggedIn = true;
                }
            }
            auditor.onResponse(r);
        }
    }

    @Override
    boolean announcedLargerThan(long bytes) {
        return scanner.bodyLargerThan(bytes);
    }

    @Override
    void recordBeforeStreaming() {
        Pop3Response.MultiLine soFar = scanner.bodySoFar();
        if (soFar != null) {
            auditor.streaming(soFar);
        }
    }

    @Override
    boolean holdWholeResponse() {
        return "CAPA".equals(sent.peek());
    }

    /** The CAPA list as this listener offers it: STLS per the listener, plaintext mechanisms per the policy. */
    @Override
    ByteBuf rewrite(ByteBuf response) {
        String text = response.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("+OK") || !text.contains("\r\n") || text.indexOf("\r\n") == text.length() - 2) {
            return response;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n", -1)));
        lines.removeLast(); // after the final CRLF
        boolean refused = plaintextRefused() && !loggedIn;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String upper = line.toUpperCase(Locale.ROOT);
            if (i > 0 && (upper.equals("STLS") || (refused && upper.equals("USER")))) {
                continue;
            }
            if (i > 0 && refused && upper.startsWith("SASL")) {
                line = saslWithoutPlaintext(line);
            }
            if (line.equals(".") && context.listener().tls() == TlsMode.STARTTLS && !clientTls && !loggedIn) {
                out.add("STLS");
            }
            out.add(line);
        }
        String rebuilt = String.join("\r\n", out) + "\r\n";
        if (rebuilt.equals(text)) {
            return response;
        }
        response.release();
        return Unpooled.wrappedBuffer(rebuilt.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String saslWithoutPlaintext(String line) {
        List<String> kept = new ArrayList<>();
        for (String w : line.split(" ")) {
            String u = w.toUpperCase(Locale.ROOT);
            if (!u.equals("PLAIN") && !u.equals("LOGIN")) {
                kept.add(w);
            }
        }
        return String.join(" ", kept);
    }

    @Override
    void greetingSeen() {
        if (context.upstream().tls() == TlsMode.STARTTLS) {
            startUpstreamTls();
        } else {
            upstreamReady();
        }
    }

    @Override
    String upstreamStartTlsCommand() {
        return "STLS\r\n";
    }

    @Override
    Boolean upstreamStartTlsAnswer(String line) {
        return line.startsWith("+OK");
    }

    @Override
    boolean loggedIn() {
        return loggedIn;
    }

    @Override
    String inactivity() {
        return "-ERR Disconnected for inactivity.\r\n";
    }

    @Override
    String unavailable(String why) {
        return "-ERR [SYS/TEMP] " + why + "\r\n";
    }

    @Override
    boolean serverSaidGoodbye() {
        return quit;
    }

    @Override
    boolean awaitingServer() {
        return !sent.isEmpty();
    }

    @Override
    void sessionEnded() {
        auditor.close();
    }
}
