package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.PlaintextAuth;
import dev.mailtrail.proxy.config.ProxyLimits;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapRequestDecoder;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapResponseScanner;
import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import dev.mailtrail.proxy.imap.session.ImapSessionAuditor;
import dev.mailtrail.proxy.imap.session.ProtocolState;
import dev.mailtrail.proxy.session.LookupResult;
import dev.mailtrail.proxy.session.MessageLookup;
import dev.mailtrail.proxy.session.MessageSelection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * IMAP through the proxy. Client commands are decoded and forwarded unchanged, except those the proxy answers itself:
 * STARTTLS (TLS towards the client is the proxy's), LOGIN and AUTHENTICATE PLAIN/LOGIN where plaintext logins are
 * refused (answered as Dovecot does), and COMPRESS, URLFETCH, CONVERT and REPLACE, whose traffic it cannot audit
 * ({@link CapabilityFilter#UNAUDITABLE}). Server responses go back
 * unchanged apart from the capability filtering of {@link CapabilityFilter}.
 */
final class ImapRelay extends ProtocolRelay {

    static final String PRIVACY_REQUIRED =
            "NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.";
    private static final String UPSTREAM_TAG = "MT0";
    private static final String UPSTREAM_ID_TAG = "MT1";

    private final ImapRequestDecoder decoder;
    private final ImapResponseScanner scanner;
    private final Set<String> outstanding = new java.util.LinkedHashSet<>();
    private final boolean strict;
    private ImapSessionAuditor auditor;
    private String swallowing;
    private String idleTag;
    private boolean greeted;
    private boolean serverOffersId;
    /** The proxy's own ID waits for the trusted client's, or its login, to carry the end user's address. */
    private boolean ownIdDeferred;

    private boolean holdingForLookup;
    private boolean waitingForEarlier;
    private final java.util.ArrayDeque<Awaiting> toAudit = new java.util.ArrayDeque<>();

    ImapRelay(RelayContext context) {
        super(context);
        ProxyLimits limits = context.config().limits();
        this.decoder = new ImapRequestDecoder(limits.maxLineLength(), limits.maxLiteralSize());
        this.scanner = new ImapResponseScanner(limits.maxLineLength(), limits.captureLimit());
        this.strict = context.config().mode() == AuditMode.STRICT;
    }

    @Override
    void sessionStarted() {
        ImapAuditConfig audit =
                context.config().audit().withDecideOnDelivery(context.config().mode() == AuditMode.STRICT);
        auditor = new ImapSessionAuditor(
                audit, sessionId, origin, context.clock(), events, context.activity(), context.identities());
        if (strict) {
            auditor.intentsTo(events);
        }
        events.onLogin(login -> {
            if (origin.peerTrusted() && !origin.ip().equals(origin.peerIp())) {
                context.endUsers().named(login.mailbox(), origin.peerIp(), origin.ip(), login.time());
            }
        });
    }

    @Override
    long clientLiteralLeft() {
        return swallowing == null ? decoder.literalBytesLeft() : 0;
    }

    @Override
    long serverLiteralLeft() {
        return scanner.literalBytesLeft();
    }

    @Override
    boolean clientAtLineStart() {
        return swallowing == null && decoder.atCommandStart();
    }

    @Override
    void clientPiece(ByteBuf piece, boolean startsLine) {
        if (swallowing != null) {
            swallow(piece);
            return;
        }
        String commandName = null;
        if (startsLine && decoder.atCommandStart()) {
            String[] words = words(piece, 3);
            if (words.length >= 2 && answeredHere(words, piece)) {
                return;
            }
            commandName = words.length >= 2 ? words[1].toUpperCase(Locale.ROOT) : null;
        }
        boolean commandStart = startsLine && decoder.atCommandStart();
        List<ImapRequest> requests = decoder.feed(nio(piece));
        for (ImapRequest r : requests) {
            if (r instanceof ImapRequest.Malformed m && !m.reason().equals("expected DONE")) {
                piece.release();
                if (m.recoverable() && commandStart && requests.size() == 1) {
                    // Read differently by the server, it could hide a command from the audit: it never gets it.
                    toClient((m.tag() == null ? "*" : m.tag()) + " BAD Error in IMAP command: " + m.reason() + "\r\n");
                } else {
                    closeWith("* BYE Unreadable command: " + m.reason() + "\r\n");
                }
                return;
            }
        }
        if (ownIdDeferred && commandName != null && identifyWith(commandName, requests)) {
            piece.release();
            return;
        }
        for (ImapRequest r : requests) {
            if (r instanceof ImapRequest.Command c) {
                if (c.name().equals("IDLE")) {
                    idleTag = c.tag();
                } else {
                    outstanding.add(c.tag());
                }
            }
            toAudit.add(new Awaiting(r, serverPosition()));
        }
        if (!holdingForLookup) {
            audit(); // may start a lookup, which holds this piece back from the server
        }
        toServer(piece);
    }

    /** A request on its way to the auditor; {@code named} once the lookup it needed has been asked for. */
    private static final class Awaiting {
        final ImapRequest request;
        /** Where its bytes start in the client's input: what came before belongs to commands before it. */
        final long position;

        boolean named;

        Awaiting(ImapRequest request, long position) {
            this.request = request;
            this.position = position;
        }
    }

    /**
     * Hands the auditor the requests in order. A command whose messages must be named first (docs/decisions/0017)
     * stops the line: client input is held back from the server until the lookup answers or gives up, then the
     * auditor learns what it found, and the rest follows, each looked up in turn with what the ones before taught.
     * A lookup the cache answers holds nothing.
     */
    private void audit() {
        while (!toAudit.isEmpty()) {
            Awaiting next = toAudit.getFirst();
            if (next.request instanceof ImapRequest.Command c && !next.named) {
                next.named = true;
                MessageLookup lookup = auditor.namingNeeded(c);
                if (lookup != null
                        && lookup.selection() instanceof MessageSelection.Deleted
                        && earlierOutstanding(c.tag())) {
                    // the search for \Deleted must see what the commands before did (a STORE \Deleted pipelined
                    // before an EXPUNGE): they go to the server now, and the lookup waits for their answers
                    next.named = false;
                    releaseToServerBefore(next.position);
                    holdingForLookup = true;
                    waitingForEarlier = true;
                    holdForServer();
                    return;
                }
                if (lookup != null) {
                    CompletableFuture<LookupResult> named = context.identities()
                            .prefetch(lookup.folder(), lookup.selection())
                            .toCompletableFuture();
                    if (!named.isDone()) {
                        holdingForLookup = true;
                        holdForServer();
                        named.whenComplete(
                                (result, failure) -> client.eventLoop().execute(() -> {
                                    if (!client.isActive()) {
                                        return; // the session ended while it waited; the held input went with it
                                    }
                                    auditor.lookedUp(
                                            lookup,
                                            result != null ? result : LookupResult.failed(String.valueOf(failure)));
                                    audit();
                                }));
                        return;
                    }
                    auditor.lookedUp(lookup, named.join());
                }
            }
            toAudit.removeFirst();
            auditor.onRequest(next.request);
        }
        if (holdingForLookup) {
            holdingForLookup = false;
            releaseToServer();
        }
    }

    /** True while a command sent before {@code tag} waits for the server's answer. */
    private boolean earlierOutstanding(String tag) {
        for (String t : outstanding) {
            if (t.equals(tag)) {
                return false;
            }
            return true;
        }
        return false;
    }

    /**
     * The trusted client's first ID (whole in this piece) goes to the server as one ID with the proxy's fields and
     * the end user it names; a login, or an ID the proxy cannot rewrite (a literal in it), is preceded by the proxy's
     * own ID. True when the client's command was sent here.
     */
    private boolean identifyWith(String commandName, List<ImapRequest> requests) {
        if (requests.size() == 1
                && requests.getFirst() instanceof ImapRequest.Command id
                && id.name().equals("ID")
                && auditor.state() == ProtocolState.NOT_AUTHENTICATED) {
            ownIdDeferred = false;
            auditor.onRequest(id); // names the end user before the line is written
            outstanding.add(id.tag());
            toServer(Unpooled.copiedBuffer(
                    UpstreamId.command(id.tag(), id.arguments(), origin, local(), sessionId), StandardCharsets.UTF_8));
            return true;
        }
        if (commandName.equals("ID") || commandName.equals("LOGIN") || commandName.equals("AUTHENTICATE")) {
            ownIdDeferred = false;
            identifyToUpstream(
                    UPSTREAM_ID_TAG, UpstreamId.command(UPSTREAM_ID_TAG, List.of(), origin, local(), sessionId));
        }
        return false;
    }

    private InetSocketAddress local() {
        return (InetSocketAddress) client.localAddress();
    }

    /** STARTTLS, refused plaintext logins and COMPRESS never reach the server. */
    private boolean answeredHere(String[] words, ByteBuf piece) {
        String tag = words[0];
        String name = words[1].toUpperCase(Locale.ROOT);
        switch (name) {
            case "STARTTLS" -> {
                decoder.feed(nio(piece));
                piece.release();
                if (clientTls) {
                    toClient(tag + " BAD TLS is already active.\r\n");
                } else if (context.listener().tls() != TlsMode.STARTTLS) {
                    toClient(tag + " BAD TLS support isn't enabled.\r\n");
                } else {
                    startClientTls(tag + " OK Begin TLS negotiation now.\r\n");
                }
                return true;
            }
            case "LOGIN" -> {
                if (plaintextRefused()) {
                    refuse(tag, piece, PRIVACY_REQUIRED);
                    return true;
                }
                return false;
            }
            case "AUTHENTICATE" -> {
                String mechanism = words.length > 2 ? words[2].toUpperCase(Locale.ROOT) : "";
                if (plaintextRefused() && (mechanism.equals("PLAIN") || mechanism.equals("LOGIN"))) {
                    refuse(tag, piece, PRIVACY_REQUIRED);
                    return true;
                }
                return false;
            }
            case "URLFETCH", "CONVERT", "REPLACE" -> {
                refuse(tag, piece, "NO [CANNOT] " + name + " is not available through this server.");
                return true;
            }
            case "UID" -> {
                if (words.length > 2 && words[2].toUpperCase(Locale.ROOT).startsWith("REPLACE")) {
                    refuse(tag, piece, "NO [CANNOT] UID REPLACE is not available through this server.");
                    return true;
                }
                return false;
            }
            case "COMPRESS" -> {
                List<ImapRequest> r = decoder.feed(nio(piece));
                piece.release();
                if (r.stream().anyMatch(x -> x instanceof ImapRequest.Command)) {
                    toClient(tag + " NO [CANNOT] Compression is not available through this server.\r\n");
                } else {
                    swallowing = tag;
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Answers a command that never reaches the server; a literal it carries is skipped, never asked for. */
    private void refuse(String tag, ByteBuf piece, String answer) {
        List<ImapRequest> requests = decoder.feed(nio(piece));
        piece.release();
        boolean complete = requests.stream()
                .anyMatch(r -> r instanceof ImapRequest.Command || r instanceof ImapRequest.SynchronizingLiteral);
        toClient(tag + " " + answer + "\r\n");
        if (complete) {
            decoder.serverCompleted(tag); // ends AUTHENTICATE, drops a literal waiting for its '+'
        } else {
            swallowing = tag; // a LITERAL+ login: skip to its end
        }
    }

    private void swallow(ByteBuf piece) {
        List<ImapRequest> requests = decoder.feed(nio(piece));
        piece.release();
        for (ImapRequest r : requests) {
            if (r instanceof ImapRequest.Command || r instanceof ImapRequest.Malformed) {
                decoder.serverCompleted(swallowing);
                swallowing = null;
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
        for (ImapResponse r : scanner.feed(nio(piece))) {
            if (r instanceof ImapResponse.Unreadable u && strict && auditor.fetchOutstanding()) {
                // It may carry a message the audit cannot name: strict mode withholds it rather than guess.
                closeWith(unavailable("Unreadable response from the mail server withheld: " + u.reason()));
                return;
            }
            if (!greeted) {
                greeted = true;
                serverOffersId = r instanceof ImapResponse.Status g
                        && g.code() != null
                        && g.code().capabilities().contains("ID");
            }
            if (r instanceof ImapResponse.Tagged t) {
                decoder.serverCompleted(t.tag());
                outstanding.remove(t.tag());
                if (waitingForEarlier) {
                    waitingForEarlier = false;
                    client.eventLoop().execute(this::audit); // after this response is through the auditor
                }
                if (t.tag().equals(idleTag)) {
                    idleTag = null;
                }
            }
            if (strict) {
                // what the server says while a delete or move is under way shows its work: it goes out once the
                // intent announcing that work is durable, as a read's answer does (docs/decisions/0011)
                auditor.destroyIntentsOpen().forEach(events::awaitIntent);
            }
            auditor.onResponse(r);
        }
    }

    @Override
    boolean announcedLargerThan(long bytes) {
        return scanner.inLiteralLargerThan(bytes);
    }

    @Override
    void recordBeforeStreaming() {
        ImapResponse.Fetch soFar = scanner.fetchSoFar();
        if (soFar != null) {
            auditor.streaming(soFar);
        }
    }

    @Override
    CompletableFuture<?> intentCovering() {
        ImapResponse.Fetch soFar = scanner.fetchSoFar();
        return soFar == null ? null : events.intentCovering(auditor.itemIdOf(soFar));
    }

    @Override
    ByteBuf rewrite(ByteBuf response) {
        if (!CapabilityFilter.mayCarry(response)) {
            return response; // looked at in place: a whole FETCH response is not copied
        }
        byte[] line = ByteBufUtil.getBytes(response);
        boolean loggedIn = auditor.state() != ProtocolState.NOT_AUTHENTICATED;
        CapabilityFilter.Offer offer = new CapabilityFilter.Offer(
                context.listener().tls() == TlsMode.STARTTLS && !clientTls && !loggedIn,
                plaintextRefused() && !loggedIn);
        byte[] filtered = CapabilityFilter.filter(line, offer);
        if (filtered == line) {
            return response;
        }
        response.release();
        return Unpooled.wrappedBuffer(filtered);
    }

    @Override
    void greetingSeen() {
        if (context.upstream().tls() == TlsMode.STARTTLS) {
            startUpstreamTls();
        } else {
            upstreamSecured();
        }
    }

    /**
     * Tells a server that offers ID who the client really is and which session this is, then lets the client in. A
     * trusted client (webmail) may still name the end user: then the ID waits for its first ID or login.
     */
    @Override
    void upstreamSecured() {
        if (!context.upstream().identifyClient() || !serverOffersId) {
            upstreamReady();
        } else if (origin.peerTrusted()) {
            ownIdDeferred = true;
            upstreamReady();
        } else {
            identifyToUpstream(
                    UPSTREAM_ID_TAG, UpstreamId.command(UPSTREAM_ID_TAG, List.of(), origin, local(), sessionId));
        }
    }

    @Override
    String upstreamStartTlsCommand() {
        return UPSTREAM_TAG + " STARTTLS\r\n";
    }

    @Override
    Boolean upstreamStartTlsAnswer(String line) {
        if (!line.startsWith(UPSTREAM_TAG + " ")) {
            return null; // an untagged line before the answer
        }
        return line.toUpperCase(Locale.ROOT).startsWith(UPSTREAM_TAG + " OK");
    }

    @Override
    boolean loggedIn() {
        return auditor != null && auditor.state() != ProtocolState.NOT_AUTHENTICATED;
    }

    @Override
    String inactivity() {
        return "* BYE Disconnected for inactivity.\r\n";
    }

    @Override
    String unavailable(String why) {
        return "* BYE [UNAVAILABLE] " + why + "\r\n";
    }

    @Override
    boolean serverSaidGoodbye() {
        return auditor.state() == ProtocolState.LOGOUT;
    }

    @Override
    boolean awaitingServer() {
        return !outstanding.isEmpty();
    }

    @Override
    void tick() {
        auditor.tick();
    }

    @Override
    void sessionEnded() {
        auditor.close();
    }

    /** Up to {@code n} space-separated words of a command line, for a look at its tag and name. */
    static String[] words(ByteBuf line, int n) {
        int length = Math.min(line.readableBytes(), 256);
        String text = line.toString(line.readerIndex(), length, StandardCharsets.US_ASCII);
        int end = text.indexOf('\r');
        text = end < 0 ? text : text.substring(0, end);
        return text.split(" ", n + 1);
    }

    static ByteBuffer nio(ByteBuf piece) {
        return piece.nioBufferCount() == 1 ? piece.nioBuffer() : ByteBuffer.wrap(ByteBufUtil.getBytes(piece));
    }
}
