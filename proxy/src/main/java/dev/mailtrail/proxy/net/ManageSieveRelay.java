package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.PlaintextAuth;
import dev.mailtrail.proxy.config.ProxyLimits;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.managesieve.codec.SieveRequest;
import dev.mailtrail.proxy.managesieve.codec.SieveRequestDecoder;
import dev.mailtrail.proxy.managesieve.codec.SieveResponse;
import dev.mailtrail.proxy.managesieve.codec.SieveResponseScanner;
import dev.mailtrail.proxy.managesieve.session.ManageSieveSessionAuditor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ManageSieve (RFC 5804) through the proxy. Commands are forwarded unchanged except STARTTLS, which the proxy answers
 * itself (TLS towards the client is the proxy's; the capabilities that RFC 5804 §2.2 sends after the handshake are
 * the server's greeting, as the proxy offers them), and AUTHENTICATE PLAIN/LOGIN where plaintext logins are refused.
 * Responses go back unchanged except the capability lists, where STARTTLS and the plaintext mechanisms follow the
 * proxy's own listener. When the proxy itself upgrades the server connection, the capabilities the server sends
 * after that handshake are the proxy's to read, never the client's.
 */
final class ManageSieveRelay extends ProtocolRelay {

    private static final System.Logger LOG = System.getLogger(ManageSieveRelay.class.getName());

    static final String PRIVACY_REQUIRED =
            "NO \"Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\"";
    /** The longest script text kept to read its rules (Pigeonhole's default sieve_max_script_size is 1 MiB). */
    static final int SCRIPT_CAPTURE = 1024 * 1024;

    private static final String CAPABILITIES_AFTER_TLS = "<capabilities after TLS>";
    private static final String GREETING = "<greeting>";

    private final SieveRequestDecoder decoder;
    private final SieveResponseScanner scanner;
    private final Deque<String> sent = new ArrayDeque<>();
    private ManageSieveSessionAuditor auditor;
    private boolean greetingDone;
    private String capabilities;
    private boolean loggedIn;
    private boolean goodbye;
    private boolean swallowing;
    private String refusedAnswer;
    private String answered;

    ManageSieveRelay(RelayContext context) {
        super(context);
        ProxyLimits limits = context.config().limits();
        this.decoder = new SieveRequestDecoder(limits.maxLineLength(), limits.maxLiteralSize(), SCRIPT_CAPTURE);
        this.scanner = new SieveResponseScanner(limits.maxLineLength(), SCRIPT_CAPTURE);
    }

    @Override
    void sessionStarted() {
        String ip = clientAddress.getAddress() == null
                ? clientAddress.getHostString()
                : clientAddress.getAddress().getHostAddress();
        auditor = new ManageSieveSessionAuditor(
                context.config().audit().masterSeparator(),
                internalDomains(),
                sessionId,
                ip,
                context.clock(),
                events,
                events,
                this::endUserNamedOverImap);
    }

    /**
     * From a trusted front end (webmail), the end user it named at the same user's latest IMAP login: ManageSieve
     * has no way of its own to name them, and webmail opens both within one request.
     */
    private Optional<String> endUserNamedOverImap(String mailbox) {
        if (!origin.peerTrusted()) {
            return Optional.empty();
        }
        Optional<String> ip = context.endUsers()
                .lookup(mailbox, origin.peerIp(), context.clock().instant());
        ip.ifPresent(a -> LOG.log(
                System.Logger.Level.INFO,
                "session {0}: ManageSieve client {1} for {2} taken from the latest IMAP login through trusted peer {3}",
                sessionId,
                a,
                mailbox,
                origin.peerIp()));
        return ip;
    }

    /** [audit] internal-domains and the listener's local-domains: addresses there are the organisation's. */
    private Set<String> internalDomains() {
        Set<String> domains = new HashSet<>(context.config().internalDomains());
        context.listener().localDomains().forEach(d -> domains.add(d.toLowerCase(Locale.ROOT)));
        return domains;
    }

    @Override
    long clientLiteralLeft() {
        return decoder.literalBytesLeft();
    }

    @Override
    long serverLiteralLeft() {
        return scanner.literalBytesLeft();
    }

    @Override
    boolean clientAtLineStart() {
        return decoder.atCommandStart();
    }

    @Override
    void clientPiece(ByteBuf piece, boolean startsLine) {
        if (swallowing) {
            swallow(piece);
            return;
        }
        boolean commandStart = startsLine && decoder.atCommandStart();
        if (commandStart && !authenticating() && answeredHere(piece)) {
            return;
        }
        List<SieveRequest> requests = decoder.feed(ImapRelay.nio(piece));
        for (SieveRequest r : requests) {
            if (r instanceof SieveRequest.Malformed m) {
                piece.release();
                if (m.recoverable() && commandStart && requests.size() == 1) {
                    // Read differently by the server, it could hide a change from the audit: it never gets it.
                    toClient("NO \"Error in MANAGESIEVE command: " + m.reason() + "\"\r\n");
                } else {
                    closeWith("BYE \"Unreadable command: " + m.reason() + "\"\r\n");
                }
                return;
            }
        }
        toServer(piece);
        for (SieveRequest r : requests) {
            if (r instanceof SieveRequest.Command c) {
                scanner.expect(c.name());
                sent.add(c.name());
            }
            auditor.onRequest(r);
        }
    }

    private boolean authenticating() {
        return "AUTHENTICATE".equals(sent.peekLast());
    }

    /** STARTTLS and refused plaintext logins never reach the server. */
    private boolean answeredHere(ByteBuf piece) {
        String[] words = ImapRelay.words(piece, 2);
        String name = words[0].toUpperCase(Locale.ROOT);
        if (name.equals("STARTTLS")) {
            decoder.feed(ImapRelay.nio(piece));
            piece.release();
            if (clientTls) {
                toClient("NO \"TLS is already active.\"\r\n");
            } else if (context.listener().tls() != TlsMode.STARTTLS) {
                toClient("NO \"TLS support isn't enabled.\"\r\n");
            } else {
                startClientTls("OK \"Begin TLS negotiation now.\"\r\n");
                if (capabilities != null) {
                    toClient(offered(capabilities)); // RFC 5804 §2.2: capabilities again, now over TLS
                }
            }
            return true;
        }
        if (name.equals("AUTHENTICATE") && words.length > 1 && plaintextRefused()) {
            String mechanism = words[1].strip().split(" ")[0].replace("\"", "").toUpperCase(Locale.ROOT);
            if (mechanism.equals("PLAIN") || mechanism.equals("LOGIN")) {
                refusedAnswer = PRIVACY_REQUIRED + "\r\n";
                swallowing = true;
                swallow(piece);
                return true;
            }
        }
        return false;
    }

    /** Reads a refused command to its end (a literal initial response included), then answers it. */
    private void swallow(ByteBuf piece) {
        List<SieveRequest> requests = decoder.feed(ImapRelay.nio(piece));
        piece.release();
        for (SieveRequest r : requests) {
            if (r instanceof SieveRequest.Command || r instanceof SieveRequest.Malformed) {
                decoder.serverCompleted();
                swallowing = false;
                toClient(refusedAnswer);
            }
        }
    }

    boolean plaintextRefused() {
        return context.listener().plaintextAuth() == PlaintextAuth.SECURE_ONLY && !clientTls && !clientIsLoopback();
    }

    @Override
    boolean serverAtResponseStart() {
        return scanner.atResponseStart();
    }

    @Override
    void scanServerPiece(ByteBuf piece) {
        for (SieveResponse r : scanner.feed(ImapRelay.nio(piece))) {
            if (!(r instanceof SieveResponse.Final f)) {
                if (!CAPABILITIES_AFTER_TLS.equals(sent.peek())) {
                    auditor.onResponse(r);
                }
                continue;
            }
            goodbye |= f.status() == SieveResponse.Status.BYE;
            if (!greetingDone) {
                greetingDone = true;
                answered = GREETING;
                continue;
            }
            decoder.serverCompleted();
            String command = sent.poll();
            answered = command;
            if (CAPABILITIES_AFTER_TLS.equals(command)) {
                continue;
            }
            goodbye |= "LOGOUT".equals(command);
            if ("AUTHENTICATE".equals(command) && f.status() == SieveResponse.Status.OK) {
                loggedIn = true;
            } else if ("UNAUTHENTICATE".equals(command) && f.status() == SieveResponse.Status.OK) {
                loggedIn = false;
            }
            auditor.onResponse(r);
        }
    }

    @Override
    boolean holdWholeResponse() {
        String next = sent.peek();
        return !greetingDone || "CAPABILITY".equals(next) || CAPABILITIES_AFTER_TLS.equals(next);
    }

    /** Capability lists as this listener offers them; the server's own after the proxy's TLS are dropped. */
    @Override
    ByteBuf rewrite(ByteBuf response) {
        String text = response.toString(StandardCharsets.UTF_8);
        boolean listing = GREETING.equals(answered) || "CAPABILITY".equals(answered);
        boolean ownTls = CAPABILITIES_AFTER_TLS.equals(answered);
        if (!(listing || ownTls) || !isCapabilityList(text)) {
            return response;
        }
        response.release();
        if (ownTls) {
            capabilities = text;
            return Unpooled.EMPTY_BUFFER;
        }
        capabilities = text;
        return Unpooled.copiedBuffer(offered(text), StandardCharsets.UTF_8);
    }

    private static boolean isCapabilityList(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.startsWith("\"IMPLEMENTATION\"")
                || upper.startsWith("\"SIEVE\"")
                || upper.contains("\r\n\"SIEVE\"");
    }

    /** The server's capability lines with STARTTLS and the SASL mechanisms as this listener offers them now. */
    private String offered(String text) {
        StringBuilder out = new StringBuilder();
        boolean offerTls = context.listener().tls() == TlsMode.STARTTLS && !clientTls && !loggedIn;
        boolean refused = plaintextRefused() && !loggedIn;
        for (String line : text.split("\r\n")) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.equals("\"STARTTLS\"")) {
                continue;
            }
            if (refused && upper.startsWith("\"SASL\"")) {
                line = withoutPlaintext(line);
            }
            if (offerTls && (upper.startsWith("OK") || upper.startsWith("NO") || upper.startsWith("BYE"))) {
                out.append("\"STARTTLS\"\r\n");
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    private static String withoutPlaintext(String line) {
        int open = line.indexOf('"', "\"SASL\"".length());
        int close = line.lastIndexOf('"');
        if (open < 0 || close <= open) {
            return line;
        }
        StringBuilder kept = new StringBuilder();
        for (String m : line.substring(open + 1, close).split(" ")) {
            if (!m.isEmpty() && !m.equalsIgnoreCase("PLAIN") && !m.equalsIgnoreCase("LOGIN")) {
                kept.append(kept.isEmpty() ? "" : " ").append(m);
            }
        }
        return "\"SASL\" \"" + kept + "\"";
    }

    @Override
    void greetingSeen() {
        if (context.upstream().tls() == TlsMode.STARTTLS) {
            startUpstreamTls();
        } else {
            upstreamReady();
        }
    }

    /** The server sends its capabilities again after TLS: they are read here and never reach the client. */
    @Override
    void upstreamSecured() {
        scanner.expect("CAPABILITY");
        sent.add(CAPABILITIES_AFTER_TLS);
        upstreamReady();
    }

    @Override
    String upstreamStartTlsCommand() {
        return "STARTTLS\r\n";
    }

    @Override
    Boolean upstreamStartTlsAnswer(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("OK")) {
            return true;
        }
        return upper.startsWith("NO") || upper.startsWith("BYE") ? false : null;
    }

    @Override
    boolean loggedIn() {
        return loggedIn;
    }

    @Override
    String unavailable(String why) {
        return "BYE (TRYLATER) \"" + why.replace("\"", "'") + "\"\r\n";
    }

    @Override
    boolean serverSaidGoodbye() {
        return goodbye;
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
