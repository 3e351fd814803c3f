package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.PlaintextAuth;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.smtp.codec.SmtpReply;
import dev.mailtrail.proxy.smtp.codec.SmtpReplyScanner;
import dev.mailtrail.proxy.smtp.codec.SmtpRequest;
import dev.mailtrail.proxy.smtp.codec.SmtpRequestDecoder;
import dev.mailtrail.proxy.smtp.session.MailboxNames;
import dev.mailtrail.proxy.smtp.session.SmtpSessionAuditor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * SMTP submission through the proxy. Commands and the message pass unchanged, except what the proxy answers itself:
 * STARTTLS (TLS with the client is the proxy's), AUTH before TLS where plaintext logins are refused and AUTH with a
 * mechanism that does not name the user, XCLIENT from hosts outside the listener's {@code trusted-networks}, and
 * BDAT, which is not offered. In strict mode the send a message's end announces is journaled as it reaches the
 * server, and the server's reply waits only for that intent (docs/decisions/0011). The EHLO reply is filtered
 * ({@link EhloFilter}). Input after DATA and during AUTH waits until the server has answered, so that the proxy reads
 * each line as the server will (a command, an AUTH answer or message data). After the greeting the proxy says EHLO itself and, when the server offers XCLIENT, tells it the real
 * client ({@code XCLIENT ADDR= PORT=}) so that the server's log and the records name the same address.
 */
final class SmtpRelay extends ProtocolRelay {

    private static final System.Logger LOG = System.getLogger(SmtpRelay.class.getName());

    /** A command the server will answer, or an answer of the proxy's own that goes out in its turn. */
    private sealed interface Turn {}

    private record Expect(String verb) implements Turn {}

    private record Local(Runnable action) implements Turn {}

    private record Waiting(ByteBuf piece, boolean startsLine) {}

    private final SmtpRequestDecoder decoder;
    private final SmtpReplyScanner scanner;
    private final Deque<Turn> turns = new ArrayDeque<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private int waitingBytes;
    private boolean holdInput;
    private boolean replaying;
    private boolean startTlsPending;
    private SmtpSessionAuditor auditor;
    private final SmtpUpstreamHandshake handshake = new SmtpUpstreamHandshake(this);
    private String greeting = "Service ready";
    private boolean ehloReply;
    private boolean quit;

    SmtpRelay(RelayContext context) {
        super(context);
        this.decoder = new SmtpRequestDecoder(
                context.config().limits().maxLineLength(),
                context.config().limits().captureLimit());
        this.scanner = new SmtpReplyScanner(context.config().limits().maxLineLength());
    }

    @Override
    void sessionStarted() {
        auditor = new SmtpSessionAuditor(
                context.config().audit().masterSeparator(),
                new MailboxNames(context.listener().localDomains()),
                sessionId,
                ip(clientAddress),
                context.clock(),
                events);
        if (context.config().mode() == AuditMode.STRICT) {
            auditor.intentsTo(events);
        }
    }

    static String ip(InetSocketAddress a) {
        return a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
    }

    // ---- the client's side ----------------------------------------------------------------------------------------

    @Override
    boolean clientAtLineStart() {
        return decoder.atLineStart();
    }

    @Override
    void clientPiece(ByteBuf piece, boolean startsLine) {
        if (startTlsPending) {
            piece.release(); // RFC 3207 §5: what a client sends before TLS is up is not commands (CVE-2011-0411)
            return;
        }
        if (holdInput || (!waiting.isEmpty() && !replaying)) {
            waiting.add(new Waiting(piece, startsLine));
            waitingBytes += piece.readableBytes();
            if (waitingBytes > context.config().limits().maxLineLength()) {
                closeWith("554 5.5.0 Error: too much input before the server's answer\r\n");
            }
            return;
        }
        if (startsLine && decoder.atCommand() && wholeLine(piece) && answeredHere(piece)) {
            return;
        }
        List<SmtpRequest> requests = decoder.feed(ImapRelay.nio(piece));
        for (SmtpRequest r : requests) {
            if (r instanceof SmtpRequest.Malformed m) {
                piece.release();
                if (m.recoverable()) {
                    answer("500 5.5.2 Error: " + m.reason() + "\r\n"); // never forwarded: the server might read it
                } else {
                    closeWith("554 5.5.2 Error: " + m.reason() + "; nothing of it was passed on\r\n");
                }
                return;
            }
        }
        toServer(piece);
        for (SmtpRequest r : requests) {
            switch (r) {
                case SmtpRequest.Command c -> {
                    turns.add(new Expect(c.verb()));
                    holdInput |= c.verb().equals("DATA") || c.verb().equals("AUTH");
                }
                case SmtpRequest.AuthResponse a -> holdInput = true;
                case SmtpRequest.MessageEnd m -> turns.add(new Expect("."));
                case SmtpRequest.Malformed m -> {}
            }
            auditor.onRequest(r);
        }
    }

    /** A complete line with no CR or LF but its ending, which the proxy may answer without the decoder. */
    private static boolean wholeLine(ByteBuf piece) {
        int n = piece.readableBytes();
        if (n < 2 || piece.getByte(piece.writerIndex() - 1) != '\n' || piece.getByte(piece.writerIndex() - 2) != '\r') {
            return false;
        }
        return piece.indexOf(piece.readerIndex(), piece.writerIndex() - 2, (byte) '\r') < 0
                && piece.indexOf(piece.readerIndex(), piece.writerIndex() - 2, (byte) '\n') < 0;
    }

    private boolean answeredHere(ByteBuf piece) {
        String[] words = ImapRelay.words(piece, 2);
        String verb = words[0].toUpperCase(Locale.ROOT);
        String argument = words.length > 1 ? words[1] : "";
        switch (verb) {
            case "STARTTLS" -> {
                piece.release();
                discardRestOfRead();
                startTlsPending = !clientTls && context.listener().tls() == TlsMode.STARTTLS;
                inTurn(this::startTls);
                return true;
            }
            case "AUTH" -> {
                String mechanism = argument.strip().split(" ", 2)[0].toUpperCase(Locale.ROOT);
                if (plaintextRefused()) {
                    piece.release();
                    answer("538 5.7.11 Encryption required for requested authentication mechanism\r\n");
                    return true;
                }
                if (!mechanism.equals("PLAIN") && !mechanism.equals("LOGIN")) {
                    piece.release();
                    answer("504 5.5.4 Unrecognized authentication type\r\n");
                    return true;
                }
                return false;
            }
            case "XCLIENT" -> {
                piece.release();
                xclient(argument);
                return true;
            }
            case "XFORWARD" -> {
                piece.release();
                answer("550 5.7.0 Error: insufficient authorization\r\n");
                return true;
            }
            case "BDAT" -> {
                piece.release();
                // the chunk's bytes follow unannounced: nothing after this can be read as the server would
                closeWith("554 5.5.1 Error: BDAT is not offered; use DATA\r\n");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void startTls() {
        if (clientTls) {
            toClient("554 5.5.1 Error: TLS already active\r\n");
        } else if (context.listener().tls() != TlsMode.STARTTLS) {
            toClient("502 5.5.1 Error: command not implemented\r\n");
        } else {
            startClientTls("220 2.0.0 Ready to start TLS\r\n");
            startTlsPending = false;
        }
    }

    /** XCLIENT from a trusted host names the real client; from anyone else it is refused and logged. */
    private void xclient(String argument) {
        InetAddress peer = clientAddress.getAddress();
        boolean trusted = context.listener().trustedNetworks().contains(peer);
        if (!trusted) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "session {0}: XCLIENT from {1}, which is not in trusted-networks, refused",
                    sessionId,
                    ip(clientAddress));
            answer("550 5.7.0 Error: insufficient authorization\r\n");
            return;
        }
        String named = Xclient.address(argument);
        if (named != null) {
            auditor.clientAddress(named);
        }
        if (handshake.capabilities().contains("XCLIENT")) {
            ByteBuf line = Unpooled.copiedBuffer("XCLIENT " + argument + "\r\n", StandardCharsets.UTF_8);
            toServer(line);
            upstream.flush();
            turns.add(new Expect("XCLIENT"));
            auditor.onRequest(new SmtpRequest.Command("XCLIENT", argument));
        } else {
            answer("220 " + greeting + "\r\n");
        }
    }

    private boolean plaintextRefused() {
        return context.listener().plaintextAuth() == PlaintextAuth.SECURE_ONLY && !clientTls && !clientIsLoopback();
    }

    /** Answers the client in its turn, after the replies to every command sent before. */
    private void answer(String line) {
        inTurn(() -> toClient(line));
    }

    private void inTurn(Runnable action) {
        if (turns.isEmpty()) {
            action.run();
        } else {
            turns.add(new Local(action));
        }
    }

    // ---- the server's side ----------------------------------------------------------------------------------------

    @Override
    boolean serverAtResponseStart() {
        return scanner.atReplyStart();
    }

    @Override
    void scanServerPiece(ByteBuf piece) {
        for (SmtpReply reply : scanner.feed(ImapRelay.nio(piece))) {
            Turn head = turns.peek();
            if (head == null) {
                if (reply.code() == 220 && !reply.lines().isEmpty()) {
                    greeting = reply.lines().getFirst();
                }
            } else if (head instanceof Expect e) {
                replied(e.verb(), reply);
            }
            String intent = auditor.answeringIntent();
            if (intent == null) {
                auditor.onReply(reply);
            } else {
                // the reply to a message's end: its send stands behind the intent journaled when the end came
                events.answering(intent, () -> auditor.onReply(reply));
            }
        }
        if (turns.peek() instanceof Local) {
            client.eventLoop().execute(this::localTurns); // after this reply has been released
        }
    }

    private void replied(String verb, SmtpReply reply) {
        if (verb.equals("AUTH") && reply.code() == 334) {
            decoder.authStarted();
            releaseInput();
            return;
        }
        turns.poll();
        switch (verb) {
            case "DATA" -> {
                if (reply.code() == 354) {
                    decoder.messageStarted();
                }
                releaseInput();
            }
            case "AUTH" -> {
                decoder.serverCompleted();
                releaseInput();
            }
            case "EHLO" -> ehloReply = reply.code() == 250;
            case "QUIT" -> quit = true;
            default -> {}
        }
    }

    private void localTurns() {
        while (turns.peek() instanceof Local l) {
            turns.poll();
            l.action().run();
        }
    }

    /** The server answered what input waited for: the waiting input is read now, in order. */
    private void releaseInput() {
        holdInput = false;
        client.eventLoop().execute(() -> {
            replaying = true;
            while (!holdInput && !waiting.isEmpty() && client.isActive()) {
                Waiting w = waiting.removeFirst();
                waitingBytes -= w.piece().readableBytes();
                clientPiece(w.piece(), w.startsLine());
            }
            replaying = false;
            if (upstream != null) {
                upstream.flush();
            }
        });
    }

    @Override
    boolean holdWholeResponse() {
        return turns.peek() instanceof Expect e && e.verb().equals("EHLO");
    }

    @Override
    ByteBuf rewrite(ByteBuf response) {
        if (!ehloReply) {
            return response;
        }
        ehloReply = false;
        List<String> lines = new ArrayList<>();
        for (String line : response.toString(StandardCharsets.UTF_8).split("\r\n")) {
            lines.add(line.length() > 4 ? line.substring(4) : "");
        }
        boolean offerStartTls = context.listener().tls() == TlsMode.STARTTLS && !clientTls;
        InetAddress peer = clientAddress.getAddress();
        boolean trusted = context.listener().trustedNetworks().contains(peer);
        String filtered = EhloFilter.filter(lines, offerStartTls, !plaintextRefused(), trusted);
        response.release();
        return Unpooled.copiedBuffer(filtered, StandardCharsets.UTF_8);
    }

    // ---- the proxy's own words with the server ----------------------------------------------------------------------

    @Override
    void greetingSeen() {
        handshake.start();
    }

    @Override
    void upstreamSecured() {
        handshake.secured();
    }

    @Override
    String upstreamStartTlsCommand() {
        return "STARTTLS\r\n";
    }

    @Override
    Boolean upstreamStartTlsAnswer(String line) {
        return SmtpUpstreamHandshake.finalLine(line) ? line.startsWith("220") : null;
    }

    @Override
    boolean loggedIn() {
        return auditor != null && auditor.loggedIn();
    }

    @Override
    String unavailable(String why) {
        return "421 4.3.0 " + why + "\r\n";
    }

    @Override
    boolean serverSaidGoodbye() {
        return quit;
    }

    @Override
    boolean awaitingServer() {
        return turns.peek() instanceof Expect;
    }

    @Override
    void sessionEnded() {
        waiting.forEach(w -> w.piece().release());
        waiting.clear();
        auditor.close();
    }
}
