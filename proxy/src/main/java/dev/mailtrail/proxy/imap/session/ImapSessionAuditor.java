package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.session.AccessEventSink;
import dev.mailtrail.proxy.session.ClientOrigin;
import dev.mailtrail.proxy.session.DownloadActivity;
import dev.mailtrail.proxy.session.FolderDownloadDetector;
import dev.mailtrail.proxy.session.IntentSink;
import dev.mailtrail.proxy.session.LookupResult;
import dev.mailtrail.proxy.session.MessageIdentityResolver;
import dev.mailtrail.proxy.session.MessageLookup;
import dev.mailtrail.proxy.session.MessageSelection;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audits one IMAP connection. The proxy feeds it, in wire order, each decoded client request ({@link
 * #onRequest}) and each scanned server response ({@link #onResponse}); it keeps the protocol state, the logged-in
 * identity, the selected folder and its sequence-to-UID map, and hands access events to the sink. Pure: time comes
 * from the clock, and {@link #tick()} lets held Bind decisions out when no traffic arrives. Not thread-safe: one
 * connection, one caller.
 */
public final class ImapSessionAuditor {

    private static final ImapCommandTable TABLE = new ImapCommandTable();

    private final ImapSessionState session;
    private final Map<String, ImapCommand> pending = new LinkedHashMap<>();
    private final List<ImapRequest.Command> deferred = new ArrayList<>();
    /** The FETCH response recorded before its end went out ({@link #streaming}); its completion adds nothing. */
    private ImapResponse.Fetch recordedEarly;

    /**
     * A client at {@code clientIp}, trusted by no one to name another address.
     *
     * @param sessionId the connection's SessionId, chosen by the proxy
     * @param activity the Bind/Sync rule's memory, shared by every connection of the proxy
     */
    public ImapSessionAuditor(
            ImapAuditConfig config,
            String sessionId,
            String clientIp,
            Clock clock,
            AccessEventSink sink,
            DownloadActivity activity,
            MessageIdentityResolver identities) {
        this(
                config,
                sessionId,
                new ClientOrigin("IMAP", sessionId, InetSocketAddress.createUnresolved(clientIp, 0), false),
                clock,
                sink,
                activity,
                identities);
    }

    /**
     * @param origin the end user's address, which a trusted peer may name with {@code ID x-originating-ip}
     */
    public ImapSessionAuditor(
            ImapAuditConfig config,
            String sessionId,
            ClientOrigin origin,
            Clock clock,
            AccessEventSink sink,
            DownloadActivity activity,
            MessageIdentityResolver identities) {
        FolderDownloadDetector detector = new FolderDownloadDetector(activity, sink, config.decideOnDelivery());
        this.session = new ImapSessionState(config, sessionId, origin, clock, sink, detector, identities);
    }

    public ProtocolState state() {
        return session.state;
    }

    /** True while a FETCH that opens message content waits for its completion. */
    public boolean bodyReadOutstanding() {
        return session.bodyReadsInFlight > 0;
    }

    /**
     * True while any FETCH waits for its completion: its responses may carry text whatever it asked for, so one the
     * proxy cannot read may carry a message the audit cannot name.
     */
    public boolean fetchOutstanding() {
        return pending.values().stream().anyMatch(c -> c instanceof FetchCommand);
    }

    /**
     * The messages {@code command} must have named before the server gets it (docs/imap-audit-mapping.md, "Naming
     * every item"); null when none, or when nothing but what responses show can be known. Ask before {@link
     * #onRequest}; the proxy holds the command until the lookup is done, then tells {@link #lookedUp}.
     */
    public MessageLookup namingNeeded(ImapRequest.Command command) {
        if (!session.identities.looksUp()
                || session.state != ProtocolState.SELECTED
                || session.selected == null
                || !deferred.isEmpty()
                || pending.values().stream().anyMatch(ImapSessionAuditor::changesState)) {
            return null;
        }
        return NamingBeforeRelease.of(command, session);
    }

    /**
     * A lookup is done: the sequence numbers it saw teach the folder's map what this session did not know, the
     * {@code \Deleted} messages it found are what a CLOSE removes, and a failure is said in the records it leaves
     * unnamed.
     */
    public void lookedUp(MessageLookup lookup, LookupResult result) {
        session.lookupFailure = result.failure();
        SelectedFolder selected = session.selected;
        if (selected == null || !selected.access().equals(lookup.folder())) {
            return;
        }
        result.uidsBySequence().forEach((sequence, uid) -> {
            if (selected.sequences().uidAt(sequence) == 0
                    && selected.sequences().sequenceOf(uid) == 0) {
                selected.sequences().uid(sequence, uid);
            }
        });
        if (lookup.selection() instanceof MessageSelection.Deleted) {
            selected.markDeleted(List.copyOf(result.uidsBySequence().values()), true);
        }
    }

    public void onRequest(ImapRequest request) {
        tick();
        switch (request) {
            case ImapRequest.Command c -> dispatch(c);
            case ImapRequest.AuthenticateResponse r -> {
                ImapCommand c = pending.get(r.tag());
                if (c != null) {
                    c.clientResponse(r, session);
                }
            }
            case ImapRequest.SynchronizingLiteral s -> {}
            case ImapRequest.IdleDone d -> {}
            case ImapRequest.Malformed m -> {}
        }
    }

    private void dispatch(ImapRequest.Command command) {
        if (!deferred.isEmpty() || pending.values().stream().anyMatch(ImapSessionAuditor::changesState)) {
            // Pipelined behind a login or a SELECT: the server runs it as the user the login makes, in the folder the
            // SELECT opens, so wait for their answers. Judged now, LOGIN+SELECT+FETCH in one write would pass unseen.
            deferred.add(command);
            return;
        }
        ImapCommandTable.Entry entry = TABLE.find(command.name());
        if (entry == null || !entry.states().contains(session.state)) {
            return;
        }
        ImapCommand started = entry.factory().start(command, session);
        if (started != null) {
            pending.put(command.tag(), started);
        }
    }

    /**
     * Strict mode: the FETCH response now being read is too large to hold whole, and its bytes are about to go out
     * before its end: {@code soFar} (what it has shown: its number, its UID if that came first, the items so far and
     * the captured start of the one arriving) is decided now, so its record is durable before the client has the
     * first byte. The response's completion then adds no second record.
     */
    public void streaming(ImapResponse.Fetch soFar) {
        tick();
        learn(soFar);
        if (!offer(soFar)) {
            FetchCommand.unsolicited(soFar, session);
        }
        recordedEarly = soFar;
    }

    /**
     * The id the read of {@code f}'s message carries ({@code folder;uidvalidity=N;uid=U}, or {@code ;seq=S} while its
     * UID is unknown): what an intent names it by. Null outside a folder.
     */
    public String itemIdOf(ImapResponse.Fetch f) {
        SelectedFolder selected = session.selected;
        if (selected == null) {
            return null;
        }
        long uid = f.uid().orElse(selected.sequences().uidAt(f.sequence()));
        return uid != 0
                ? selected.access().itemId(uid)
                : selected.access().folder().id() + ";seq=" + f.sequence();
    }

    public void onResponse(ImapResponse response) {
        tick();
        ImapResponse.Fetch early = recordedEarly;
        recordedEarly = null;
        switch (response) {
            case ImapResponse.Tagged t -> {
                ImapCommand c = pending.remove(t.tag());
                if (c != null) {
                    c.completed(t, session);
                }
                if (changesState(c)) {
                    redispatch();
                }
            }
            case ImapResponse.Fetch f -> {
                learn(f);
                boolean recorded = early != null && early.sequence() == f.sequence();
                if (!offer(f) && !recorded) {
                    FetchCommand.unsolicited(f, session);
                }
            }
            case ImapResponse.Exists e -> {
                if (!offer(e) && session.selected != null) {
                    session.selected.sequences().exists(e.count());
                }
            }
            case ImapResponse.Expunge e -> {
                offer(e);
                if (session.selected != null) {
                    session.selected.sequences().expunge(e.sequence());
                }
            }
            case ImapResponse.Vanished v -> {
                offer(v);
                if (session.selected != null && !v.earlier()) {
                    session.selected.sequences().vanish(v.uids());
                }
            }
            case ImapResponse.Other o when o.name().equals("LIST") || o.name().equals("LSUB") -> list(o.firstLine());
            case ImapResponse.Status s -> {
                if (s.status().equals("BYE")) {
                    session.state = ProtocolState.LOGOUT;
                }
                offer(s);
            }
            default -> offer(response);
        }
        if (session.state == ProtocolState.LOGOUT) {
            session.detector.close();
        }
    }

    /** A command whose completion changes who acts or where: what is pipelined behind it waits for it. */
    private static boolean changesState(ImapCommand c) {
        return c instanceof SelectExamineCommand
                || c instanceof LoginCommand
                || c instanceof AuthenticateCommand
                || c instanceof LeaveCommand;
    }

    private void redispatch() {
        List<ImapRequest.Command> waiting = new ArrayList<>(deferred);
        deferred.clear();
        waiting.forEach(this::dispatch);
    }

    /** Lets out Bind decisions whose hold has passed and Syncs whose folder has gone quiet. */
    public void tick() {
        session.detector.tick(session.now());
    }

    /**
     * Strict mode: each FETCH that asks for content, each STORE {@code \Deleted}, EXPUNGE, CLOSE and MOVE journals its
     * intent through {@code sink} before the server has it, and its outcome when the server answered
     * (docs/decisions/0011).
     */
    public void intentsTo(IntentSink sink) {
        session.intentsTo(sink);
    }

    /** The connection ended: every held decision is emitted now, and intents left without an answer are lost. */
    public void close() {
        session.detector.close();
        for (ImapCommand c : pending.values()) {
            c.lost(session);
        }
    }

    /**
     * Strict mode: the ids of the open intents of deletes and moves sent to the server and not yet answered. What the
     * server says meanwhile ({@code * n EXPUNGE}, the flags a STORE set) shows their work, so it waits for them to be
     * durable, as the answer to a read waits for its intent.
     */
    public List<String> destroyIntentsOpen() {
        if (session.intents == null || pending.isEmpty()) {
            return List.of();
        }
        List<String> open = new ArrayList<>(1);
        for (ImapCommand c : pending.values()) {
            String id = c.destroyIntent();
            if (id != null) {
                open.add(id);
            }
        }
        return open;
    }

    private boolean offer(ImapResponse response) {
        for (ImapCommand c : new ArrayList<>(pending.values())) {
            if (c.untagged(response, session)) {
                return true;
            }
        }
        return false;
    }

    private void learn(ImapResponse.Fetch f) {
        SelectedFolder selected = session.selected;
        if (selected == null) {
            return;
        }
        if (f.uid().isPresent()) {
            selected.sequences().uid(f.sequence(), f.uid().getAsLong());
        }
        long uid = selected.sequences().uidAt(f.sequence());
        selected.flags(uid, f.flags());
        if (uid != 0) {
            ImapSessionState.identityIn(f.sections())
                    .ifPresent(id -> session.identities.seen(
                            selected.access().folderKey(), selected.access().uidValidity(), uid, id));
        }
    }

    /** {@code * LIST (attributes) "sep" name}: the separator, and the {@code \Trash} special-use folder. */
    private void list(String line) {
        int close = line.indexOf(')');
        if (!line.contains("(") || close < 0) {
            return;
        }
        String attributes = line.substring(line.indexOf('(') + 1, close);
        List<String> rest = List.of(line.substring(close + 1).trim().split(" ", 2));
        if (rest.size() < 2) {
            return;
        }
        String sep = rest.get(0);
        if (sep.length() == 3 && sep.startsWith("\"")) {
            session.separator = sep.substring(1, 2);
        }
        if (attributes.toLowerCase(java.util.Locale.ROOT).contains("\\trash")) {
            String name = rest.get(1).trim();
            session.trashFolder = name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2
                    ? name.substring(1, name.length() - 1)
                    : name;
        }
    }
}
