package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.proxy.imap.codec.FetchSection;
import dev.mailtrail.proxy.session.AccessEventSink;
import dev.mailtrail.proxy.session.ClientOrigin;
import dev.mailtrail.proxy.session.FailedLogins;
import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.FolderDownloadDetector;
import dev.mailtrail.proxy.session.Identity;
import dev.mailtrail.proxy.session.MessageIdentity;
import dev.mailtrail.proxy.session.MessageIdentityResolver;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What one IMAP connection has established so far, and the services its commands report through. */
final class ImapSessionState {

    private static final int MAX_SUBJECT = 255;

    final ImapAuditConfig config;
    final FolderDownloadDetector detector;
    final MessageIdentityResolver identities;
    private final Clock clock;
    private final AccessEventSink sink;
    private final String sessionId;
    final ClientOrigin origin;

    ProtocolState state = ProtocolState.NOT_AUTHENTICATED;
    Identity identity;
    String clientInfo = "Client=IMAP4";
    /** An ID has been sent: only the first may name the end user, as Dovecot reads only the first. */
    boolean idSeen;

    String separator = "/";
    String sharedPrefix;
    String trashFolder;
    SelectedFolder selected;
    int bodyReadsInFlight;
    /** Why the last lookup named nothing, null when it ran: said in the records of items it left unnamed. */
    String lookupFailure;
    /** Where content FETCHes, deletes and moves journal their intents (strict mode); null: none are made. */
    ImapIntents intents;

    ImapSessionState(
            ImapAuditConfig config,
            String sessionId,
            ClientOrigin origin,
            Clock clock,
            AccessEventSink sink,
            FolderDownloadDetector detector,
            MessageIdentityResolver identities) {
        this.config = config;
        this.sessionId = sessionId;
        this.origin = origin;
        this.clock = clock;
        this.sink = sink;
        this.detector = detector;
        this.identities = identities;
        this.sharedPrefix = config.sharedPrefix();
        this.trashFolder = config.trashFolder();
    }

    void intentsTo(dev.mailtrail.proxy.session.IntentSink sink) {
        intents = sink == null ? null : new ImapIntents(sink, sessionId);
    }

    Instant now() {
        return clock.instant();
    }

    void emit(MailboxAccess event) {
        sink.accept(event);
    }

    Session session() {
        return new Session(sessionId, origin.ip(), clientInfo, null);
    }

    void loggedIn(Identity who) {
        identity = who;
        state = ProtocolState.AUTHENTICATED;
        emit(new MailboxAccess(
                now(),
                who.actor(),
                who.mailbox(),
                who.logonType(),
                MailboxAction.MAILBOX_LOGIN,
                null,
                session(),
                null,
                null,
                List.of(),
                null,
                List.of()));
    }

    /** The server refused a login as {@code user} (null: a name the proxy could not read). */
    void loginFailed(String user) {
        FailedLogins.log("IMAP", sessionId, user, origin.ip(), clientInfo);
    }

    void deselect() {
        selected = null;
        if (state == ProtocolState.SELECTED) {
            state = ProtocolState.AUTHENTICATED;
        }
    }

    FolderNames names() {
        return new FolderNames(separator, sharedPrefix);
    }

    /** The audit identity of acting in {@code mailboxName}; null before login (nothing can be attributed). */
    FolderAccess folderAccess(String mailboxName, long uidValidity) {
        if (identity == null) {
            return null;
        }
        FolderNames names = names();
        FolderNames.Located at = names.locate(mailboxName, identity.mailbox());
        FolderRef folder = new FolderRef(FolderNames.id(at, uidValidity), names.path(at.name()));
        return new FolderAccess(
                identity.actor(),
                at.owner(),
                identity.logonTypeIn(at.owner()),
                session(),
                folder,
                at.owner() + "/" + at.name(),
                uidValidity);
    }

    boolean isTrash(String mailboxName) {
        return trashFolder != null && trashFolder.equals(mailboxName);
    }

    /** An item of the selected folder, named by what the response carried or else by the resolver. */
    ItemRef item(FolderAccess folder, long uid, Long size, MessageIdentity seen) {
        MessageIdentity known = seen != null
                ? seen
                : identities.find(folder.folderKey(), folder.uidValidity(), uid).orElse(null);
        String subject = known == null || known.subject() == null
                ? null
                : known.subject()
                        .substring(0, Math.min(MAX_SUBJECT, known.subject().length()));
        Long bytes = size != null || known == null ? size : known.size();
        return new ItemRef(known == null ? null : known.internetMessageId(), folder.itemId(uid), bytes, subject);
    }

    /**
     * The parameter saying that the items without an InternetMessageId stay unnamed because the lookup failed; none
     * when every item is named or no lookup was asked.
     */
    List<NameValue> unnamed(List<ItemRef> items) {
        if (lookupFailure == null) {
            return List.of();
        }
        List<String> ids = items.stream()
                .filter(i -> i.internetMessageId() == null)
                .map(i -> i.id().substring(i.id().lastIndexOf(';') + 1))
                .toList();
        return ids.isEmpty()
                ? List.of()
                : List.of(new NameValue(
                        "MailTrailItemIdentity", "unknown for " + String.join(",", ids) + ": " + lookupFailure));
    }

    /** An event about items of {@code folder} (a delete, a move, a copy), saying which stayed unnamed and why. */
    void emitAbout(FolderAccess folder, MailboxAction operation, FolderRef dest, List<ItemRef> items) {
        emit(folder.event(now(), operation, null, dest, items, unnamed(items)));
    }

    List<ItemRef> items(FolderAccess folder, List<Long> uids) {
        return uids.stream().map(u -> item(folder, u, null, null)).toList();
    }

    /** The Message-ID and Subject in returned header text, when the capture holds them. */
    static Optional<MessageIdentity> identityIn(List<FetchSection> sections) {
        for (FetchSection s : sections) {
            Optional<String> id = s.headerField("Message-ID");
            if (id.isPresent()) {
                return Optional.of(
                        new MessageIdentity(id.get(), s.headerField("Subject").orElse(null)));
            }
        }
        return Optional.empty();
    }
}
