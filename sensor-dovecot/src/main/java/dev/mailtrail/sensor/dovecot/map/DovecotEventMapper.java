package dev.mailtrail.sensor.dovecot.map;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.proxy.imap.session.FolderNames;
import dev.mailtrail.proxy.session.MessageSelection;
import dev.mailtrail.sensor.dovecot.event.DovecotEvent;
import dev.mailtrail.sensor.dovecot.event.DovecotEventException;
import dev.mailtrail.sensor.dovecot.map.SessionTrack.Command;
import dev.mailtrail.sensor.dovecot.map.SessionTrack.Touch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dovecot's exported events in, access events out (docs/dovecot-native-sensor.md has the table). A fold: events are
 * handed in as they arrive, each returns what it completes. A body read is held until the FETCH it belongs to has
 * finished, so that one command opening several messages is a Sync (the proxy's rule S1) and one opening one is a
 * Bind; POP3 reads are decided when the session ends (rule P1). Not thread-safe: one mapper per stream of events.
 */
public final class DovecotEventMapper {
    private static final int PRUNE_EVERY = 1024;
    private static final Pattern APPENDUID = Pattern.compile("\\[APPENDUID (\\d+) (\\d+)\\]");

    private final MappingRules rules;
    private final FolderNames names;
    private final Map<String, SessionTrack> sessions = new LinkedHashMap<>();
    private final MappingCounts counts = new MappingCounts();
    private final AccessShapes shapes;
    private final List<NamingHint> hints = new ArrayList<>();
    private long seen;

    public DovecotEventMapper(MappingRules rules) {
        this.rules = rules;
        this.names = new FolderNames(rules.separator(), rules.sharedPrefix());
        this.shapes = new AccessShapes(names);
    }

    public MappingCounts counts() {
        return counts;
    }

    /** The access events {@code event} completes; throws naming the field when a field it needs is malformed. */
    public List<MappedAccess> map(DovecotEvent event) throws DovecotEventException {
        for (String field : event.fields().keySet()) {
            if (!KnownFields.ALL.contains(field)) {
                counts.unknownField(event.name(), field);
            }
        }
        List<MappedAccess> out = new ArrayList<>();
        switch (event.name()) {
            case "auth_request_finished" -> login(event, out);
            case "mail_opened" -> opened(event, out);
            case "imap_command_finished" -> command(event, out);
            case "mail_expunged" -> expunged(event, out);
            case "smtp_server_transaction_finished" -> sent(event, out);
            case "mail_user_session_finished" -> {
                SessionTrack t = track(event);
                if (t != null) {
                    decide(t, out);
                }
                counts.ignored("mail_user_session_finished");
            }
            default -> counts.unknownEvent(event.name());
        }
        counted(out);
        if (++seen % PRUNE_EVERY == 0) { // by the events' own time, so a long file holds only its open sessions
            out.addAll(flushIdle(event.end()));
        }
        return out;
    }

    /** Decides every read still held (end of a file, shutdown). */
    public List<MappedAccess> flush() {
        List<MappedAccess> out = new ArrayList<>();
        sessions.values().forEach(t -> decide(t, out));
        sessions.clear();
        return counted(out);
    }

    /** Decides and forgets the sessions with no event for {@link MappingRules#sessionQuiet} before {@code now}. */
    public List<MappedAccess> flushIdle(Instant now) {
        List<MappedAccess> out = new ArrayList<>();
        for (Iterator<SessionTrack> it = sessions.values().iterator(); it.hasNext(); ) {
            SessionTrack t = it.next();
            if (t.lastSeen.plus(rules.sessionQuiet()).isBefore(now)) {
                decide(t, out);
                it.remove();
            }
        }
        return counted(out);
    }

    private List<MappedAccess> counted(List<MappedAccess> out) {
        out.forEach(a -> counts.mapped(a.access().operation().exchangeName()));
        return out;
    }

    private void login(DovecotEvent e, List<MappedAccess> out) throws DovecotEventException {
        if (!"yes".equals(e.text("success"))) {
            counts.ignored("auth_request_finished without success"); // Exchange records no failed MailboxLogin
            return;
        }
        SessionTrack t = track(e);
        String user = e.required("user");
        if (t == null) {
            counts.ignored("auth_request_finished without session");
            return;
        }
        t.service = e.text("service");
        t.clientIp = e.text("remote_ip");
        String master = e.text("master_user");
        t.master = master == null || master.isEmpty() ? null : master;
        LogonType type = t.master != null ? LogonType.ADMIN : LogonType.OWNER;
        out.add(new MappedAccess(
                new MailboxAccess(
                        e.end(),
                        shapes.actor(t, user),
                        user,
                        type,
                        MailboxAction.MAILBOX_LOGIN,
                        null,
                        shapes.session(t, e),
                        null,
                        null,
                        List.of(),
                        null,
                        List.of()),
                user,
                null,
                null));
    }

    private void opened(DovecotEvent e, List<MappedAccess> out) throws DovecotEventException {
        List<String> reasons = e.list("reason_code");
        boolean pop3 = reasons.stream().anyMatch(r -> r.startsWith("pop3:"));
        boolean read = pop3
                ? reasons.contains("pop3:cmd_retr") || reasons.contains("pop3:cmd_top")
                : reasons.contains("imap:fetch_body") || reasons.contains("mail:snippet");
        if (!read) {
            counts.ignored("mail_opened " + (reasons.isEmpty() ? "without reason_code" : String.join("+", reasons)));
            return;
        }
        SessionTrack t = required(e);
        Touch touch = new Touch(e.required("user"), e.required("mailbox"), e.number("uid"), e.start(), e.end());
        if (pop3) {
            t.pop3Reads.add(touch);
            return;
        }
        Command command = t.commandOf(touch, false);
        if (command != null) { // its FETCH was posted first: it has been decided already
            out.add(read(t, e, command.type(), List.of(touch)));
        } else {
            t.opens.add(touch);
        }
    }

    private void command(DovecotEvent e, List<MappedAccess> out) throws DovecotEventException {
        String name = e.required("cmd_name");
        if (!"OK".equals(e.text("tagged_reply_state"))) {
            counts.ignored("imap_command_finished not OK");
            return;
        }
        String args = e.text("cmd_args") == null ? "" : e.text("cmd_args");
        switch (name) {
            case "FETCH", "UID FETCH" -> {
                SessionTrack t = required(e);
                String mailbox = e.required("mailbox");
                List<Touch> held =
                        SessionTrack.take(t.opens, new Command(name, mailbox, null, e.start(), e.end(), null));
                long distinct = held.stream().mapToLong(Touch::uid).distinct().count();
                MailAccessType type = distinct > 1 || ImapSet.several(ImapSet.firstWord(args))
                        ? MailAccessType.SYNC
                        : MailAccessType.BIND;
                t.finished(new Command(name, mailbox, null, e.start(), e.end(), type));
                if (!held.isEmpty()) {
                    out.add(read(t, e, type, held));
                }
                List<String> reasons = e.list("reason_code");
                // a header listing (a message list), not a flag poll: those come every few minutes from every client
                if (reasons.contains("imap:fetch_header_fields")
                        && !reasons.contains("imap:fetch_body")
                        && !reasons.contains("mail:snippet")) {
                    listed(e, name, ImapSet.firstWord(args), mailbox);
                }
            }
            case "MOVE", "UID MOVE" -> {
                SessionTrack t = required(e);
                String target = ImapSet.rest(args);
                Command move = new Command(name, e.required("mailbox"), target, e.start(), e.end(), null);
                t.finished(move);
                List<Touch> held = SessionTrack.take(t.moves, move);
                if (!held.isEmpty()) {
                    out.add(moved(t, e, target, held));
                }
            }
            case "STORE", "UID STORE" -> softDelete(e, name, args, out);
            case "APPEND" -> appended(e, out);
            default -> counts.ignored("imap_command_finished " + name);
        }
    }

    /** What a header or flag listing names, as a hint for the naming step ({@link #takeHints}). */
    private void listed(DovecotEvent e, String name, String set, String mailbox) throws DovecotEventException {
        FolderNames.Located at = names.locate(mailbox, e.required("user"));
        MessageSelection selection;
        if (!name.startsWith("UID")) {
            selection = new MessageSelection.Sequences(set);
        } else {
            // a UID range open at the top (1:*, 500:*) is named whole: the lookup cannot ask for UIDs it does not know
            selection = ImapSet.expand(set)
                    .<MessageSelection>map(MessageSelection.Uids::new)
                    .orElse(new MessageSelection.Sequences("1:*"));
        }
        if (!set.isEmpty()) {
            hints.add(new NamingHint(at.owner(), at.name(), selection));
        }
    }

    /** The listings seen since the last call: messages worth naming while they exist. */
    public List<NamingHint> takeHints() {
        List<NamingHint> taken = List.copyOf(hints);
        hints.clear();
        return taken;
    }

    private void softDelete(DovecotEvent e, String name, String args, List<MappedAccess> out)
            throws DovecotEventException {
        String change = ImapSet.rest(args).toUpperCase(java.util.Locale.ROOT);
        if (!change.contains("\\DELETED") || change.startsWith("-FLAGS")) {
            counts.ignored("imap_command_finished " + name + " without \\Deleted");
            return;
        }
        SessionTrack t = required(e);
        String set = ImapSet.firstWord(args);
        List<Long> numbers = ImapSet.expand(set).orElse(List.of());
        boolean uids = name.startsWith("UID");
        String mailbox = e.required("mailbox");
        FolderNames.Located at = names.locate(mailbox, e.required("user"));
        String folderId = FolderNames.id(at, 0);
        List<ItemRef> items = numbers.stream()
                .map(n -> new ItemRef(null, folderId + (uids ? ";uid=" : ";seq=") + n, null, null))
                .toList();
        MessageSelection selection = numbers.isEmpty()
                ? null
                : uids ? new MessageSelection.Uids(numbers) : new MessageSelection.Sequences(set);
        out.add(new MappedAccess(
                shapes.access(t, e, e.end(), MailboxAction.SOFT_DELETE, null, at, 0, null, items),
                at.owner(),
                at.name(),
                selection));
    }

    private void appended(DovecotEvent e, List<MappedAccess> out) throws DovecotEventException {
        Matcher m = APPENDUID.matcher(e.text("tagged_reply") == null ? "" : e.text("tagged_reply"));
        if (!m.find()) {
            counts.ignored("imap_command_finished APPEND without APPENDUID");
            return;
        }
        SessionTrack t = required(e);
        long validity = Long.parseLong(m.group(1));
        long uid = Long.parseLong(m.group(2));
        FolderNames.Located at = names.locate(e.required("mailbox"), e.required("user"));
        ItemRef item = new ItemRef(null, FolderNames.id(at, validity) + ";uid=" + uid, null, null);
        out.add(new MappedAccess(
                shapes.access(t, e, e.end(), MailboxAction.CREATE, null, at, validity, null, List.of(item)),
                at.owner(),
                at.name(),
                new MessageSelection.Uids(List.of(uid))));
    }

    private void expunged(DovecotEvent e, List<MappedAccess> out) throws DovecotEventException {
        SessionTrack t = required(e);
        Touch touch = new Touch(e.required("user"), e.required("mailbox"), e.number("uid"), e.start(), e.end());
        String command = e.text("cmd_name");
        if (command != null && command.contains("MOVE")) {
            Command move = t.commandOf(touch, true);
            if (move != null) {
                out.add(moved(t, e, move.target(), List.of(touch)));
            } else {
                t.moves.add(touch);
            }
            return;
        }
        // EXPUNGE, UID EXPUNGE, CLOSE, a SELECT or LOGOUT that closed the folder, POP3's QUIT: gone for good
        out.add(shapes.touched(t, e, e.end(), MailboxAction.HARD_DELETE, null, null, List.of(touch)));
    }

    /**
     * A message handed to Dovecot's submission service: Send by the logged-in user ({@code mail_param_auth}, which
     * Dovecot adds to MAIL FROM). Its events carry neither Message-ID nor subject, and the message is not stored, so
     * the Send names no item (docs/dovecot-native-sensor.md); refused by the relay, it is a failed Send.
     */
    private void sent(DovecotEvent e, List<MappedAccess> out) throws DovecotEventException {
        String user = e.text("mail_param_auth");
        if (user == null || user.isEmpty()) {
            counts.ignored("smtp_server_transaction_finished without login");
            return;
        }
        SessionTrack t = required(e);
        t.service = "submission";
        long status = e.fields().containsKey("status_code") ? e.number("status_code") : 0;
        boolean delivered = status >= 200
                && status < 300
                && (!e.fields().containsKey("recipients_succeeded") || e.number("recipients_succeeded") > 0);
        out.add(new MappedAccess(
                new MailboxAccess(
                        e.end(),
                        shapes.actor(t, user),
                        user,
                        t.master != null ? LogonType.ADMIN : LogonType.OWNER,
                        MailboxAction.SEND,
                        null,
                        shapes.session(t, e),
                        null,
                        null,
                        List.of(),
                        delivered ? ResultStatus.SUCCEEDED : ResultStatus.FAILED,
                        List.of()),
                user,
                null,
                null));
    }

    private MappedAccess read(SessionTrack t, DovecotEvent e, MailAccessType type, List<Touch> touches) {
        Instant first = touches.stream().map(Touch::end).min(Instant::compareTo).orElse(e.end());
        return shapes.touched(t, e, first, MailboxAction.MAIL_ITEMS_ACCESSED, type, null, touches);
    }

    private MappedAccess moved(SessionTrack t, DovecotEvent e, String target, List<Touch> touches) {
        MailboxAction action =
                target != null && rules.isTrash(target) ? MailboxAction.MOVE_TO_DELETED_ITEMS : MailboxAction.MOVE;
        return shapes.touched(t, e, touches.getFirst().end(), action, null, target, touches);
    }

    /** Decides what a session still holds: its POP3 reads (P1), body reads and moves whose command never came. */
    private void decide(SessionTrack t, List<MappedAccess> out) {
        if (!t.pop3Reads.isEmpty()) {
            long distinct =
                    t.pop3Reads.stream().mapToLong(Touch::uid).distinct().count();
            MailAccessType type = distinct > 1 ? MailAccessType.SYNC : MailAccessType.BIND;
            out.add(touchedLater(t, MailboxAction.MAIL_ITEMS_ACCESSED, type, t.pop3Reads));
        }
        for (Touch open : t.opens) {
            out.add(touchedLater(t, MailboxAction.MAIL_ITEMS_ACCESSED, MailAccessType.BIND, List.of(open)));
        }
        for (Touch move : t.moves) { // its MOVE was lost: the target is unknown
            out.add(touchedLater(t, MailboxAction.MOVE, null, List.of(move)));
        }
        t.pop3Reads.clear();
        t.opens.clear();
        t.moves.clear();
    }

    private MappedAccess touchedLater(SessionTrack t, MailboxAction action, MailAccessType type, List<Touch> touches) {
        Touch first = touches.getFirst();
        DovecotEvent context =
                new DovecotEvent("held", first.start(), first.end(), List.of(), Map.of("user", first.user()));
        return shapes.touched(t, context, first.end(), action, type, null, touches);
    }

    private SessionTrack track(DovecotEvent e) throws DovecotEventException {
        String id = e.text("session");
        if (id == null || id.isEmpty()) {
            return null;
        }
        SessionTrack t = sessions.computeIfAbsent(id, SessionTrack::new);
        t.seen(e.end());
        return t;
    }

    private SessionTrack required(DovecotEvent e) throws DovecotEventException {
        SessionTrack t = track(e);
        if (t == null) {
            throw new DovecotEventException(e.name() + ": field fields.session is missing");
        }
        return t;
    }
}
