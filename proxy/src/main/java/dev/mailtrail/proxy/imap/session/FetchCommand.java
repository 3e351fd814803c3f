package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.proxy.imap.codec.FetchAccess;
import dev.mailtrail.proxy.imap.codec.FetchAccessClassifier;
import dev.mailtrail.proxy.imap.codec.FetchItem;
import dev.mailtrail.proxy.imap.codec.FetchItems;
import dev.mailtrail.proxy.imap.codec.FetchSection;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapSyntaxException;
import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.FolderDownloadDetector;
import dev.mailtrail.proxy.session.MessageIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code FETCH} and {@code UID FETCH}. A FETCH that opens content ({@link FetchAccess#CONTENT}) is a body read:
 * the messages counted are the distinct UIDs of the untagged responses that carried content, and the Bind/Sync rule
 * decides what they become. Decided on delivery (strict mode), where the first message goes out before the others are
 * counted, the messages of the folder that the set names count too. A metadata-only FETCH feeds the rule's S3.
 */
final class FetchCommand implements ImapCommand {

    private final FetchItems fetch;
    private final boolean byUid;
    private final FetchAccess access;
    private final FolderAccess folder;
    private FolderDownloadDetector.BodyRead bodyRead;
    private final int named;
    private final Map<Long, ItemRef> read = new LinkedHashMap<>();
    /** The id of the intent journaled for this command (strict mode, content asked); null when none was. */
    private String intent;

    private FetchCommand(
            FetchItems fetch,
            boolean byUid,
            FetchAccess access,
            FolderAccess folder,
            FolderDownloadDetector.BodyRead bodyRead,
            int named) {
        this.fetch = fetch;
        this.byUid = byUid;
        this.access = access;
        this.folder = folder;
        this.bodyRead = bodyRead;
        this.named = named;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        FetchItems fetch;
        try {
            fetch = FetchItems.parse(command.arguments());
        } catch (ImapSyntaxException e) {
            return null; // the server answers BAD; nothing was read
        }
        FetchAccess access = FetchAccessClassifier.classify(fetch);
        FolderAccess folder = session.selected.access();
        FolderDownloadDetector.BodyRead bodyRead = null;
        boolean byUid = command.name().startsWith("UID ");
        int named = 0;
        if (access == FetchAccess.CONTENT) {
            bodyRead = session.detector.bodyReadArrived(
                    folder, session.bodyReadsInFlight > 0, FetchAccessClassifier.isPreview(fetch), session.now());
            session.bodyReadsInFlight++;
            if (session.detector.decidesOnDelivery()) {
                named = session.selected
                        .sequences()
                        .countNamed(
                                fetch.sequenceSet(),
                                byUid,
                                session.config.downloadRule().messagesPerCommand());
            }
        }
        FetchCommand started = new FetchCommand(fetch, byUid, access, folder, bodyRead, named);
        if (access == FetchAccess.CONTENT && session.intents != null && session.selected != null) {
            // before the server has the command: the journal's sync runs while the server works (decision 0011)
            started.intent = session.intents.fetch(fetch, byUid, session);
        }
        return started;
    }

    @Override
    public void lost(ImapSessionState session) {
        if (intent != null) {
            session.intents.outcome(intent, dev.mailtrail.core.event.IntentOutcome.LOST, session);
            intent = null;
        }
    }

    @Override
    public boolean untagged(ImapResponse response, ImapSessionState session) {
        if (!(response instanceof ImapResponse.Fetch f) || session.selected == null) {
            return false;
        }
        SequenceMap map = session.selected.sequences();
        long uid = f.uid().orElse(map.uidAt(f.sequence()));
        boolean mine = byUid
                // no UID (yet: a response that streams may name it after its text) is still the command's read
                ? uid == 0 || fetch.sequenceSet().contains(uid, Long.MAX_VALUE - 1)
                : fetch.sequenceSet().contains(f.sequence(), map.size());
        if (!mine) {
            return false;
        }
        List<FetchSection> content = new ArrayList<>();
        for (FetchSection s : f.sections()) {
            if (FetchAccessClassifier.classify(s.item()) == FetchAccess.CONTENT) {
                content.add(s);
            }
        }
        if (bodyRead == null && !content.isEmpty()) {
            // The request looked like a listing, but text of the message came back: the response is what was read
            bodyRead = session.detector.bodyReadArrived(folder, session.bodyReadsInFlight > 0, false, session.now());
            session.bodyReadsInFlight++;
        }
        if (bodyRead != null && !content.isEmpty()) {
            MessageIdentity seen = ImapSessionState.identityIn(f.sections()).orElse(null);
            Long size = f.rfc822Size().isPresent() ? Long.valueOf(f.rfc822Size().getAsLong()) : wholeSize(content);
            // Without a known UID the message is still counted, named by its sequence number: never dropped.
            long key = uid != 0 ? uid : -f.sequence();
            ItemRef before = read.get(key);
            boolean renamed = false;
            if (before == null && uid != 0 && f.sequence() > 0 && read.containsKey(-f.sequence())) {
                // recorded by its number while its UID was still to come (a response that streamed): the same read
                before = read.remove(-f.sequence());
                renamed = true;
            }
            if (before == null || renamed || (before.internetMessageId() == null && seen != null)) {
                ItemRef item = uid != 0 ? session.item(folder, uid, size, seen) : bySequence(f, size, seen);
                read.put(key, item);
                if (before == null && session.detector.decidesOnDelivery()) {
                    // S1 decided on delivery: a command that names several of the folder's messages is a download
                    // from its first message on, not only once its second has gone out
                    session.detector.bodyDelivered(bodyRead, item, Math.max(read.size(), named), session.now());
                }
            }
        }
        return true;
    }

    /**
     * Text of a message that came with no FETCH of the client's (a NOTIFY event, an extension's own push): it went
     * out all the same, so it is a Bind of that message.
     */
    static void unsolicited(ImapResponse.Fetch f, ImapSessionState session) {
        if (session.selected == null) {
            return;
        }
        List<FetchSection> content = f.sections().stream()
                .filter(s -> FetchAccessClassifier.classify(s.item()) == FetchAccess.CONTENT)
                .toList();
        if (content.isEmpty()) {
            return;
        }
        FolderAccess folder = session.selected.access();
        long uid = f.uid().orElse(session.selected.sequences().uidAt(f.sequence()));
        MessageIdentity seen = ImapSessionState.identityIn(f.sections()).orElse(null);
        Long size = f.rfc822Size().isPresent() ? Long.valueOf(f.rfc822Size().getAsLong()) : wholeSize(content);
        ItemRef item = uid != 0
                ? session.item(folder, uid, size, seen)
                : new ItemRef(null, folder.folder().id() + ";seq=" + f.sequence(), size, null);
        session.emit(folder.read(session.now(), dev.mailtrail.core.action.MailAccessType.BIND, List.of(item)));
    }

    private ItemRef bySequence(ImapResponse.Fetch f, Long size, MessageIdentity seen) {
        return new ItemRef(
                seen == null ? null : seen.internetMessageId(),
                folder.folder().id() + ";seq=" + f.sequence(),
                size,
                seen == null ? null : seen.subject());
    }

    private static Long wholeSize(List<FetchSection> content) {
        for (FetchSection s : content) {
            FetchItem.Kind kind = s.item().kind();
            boolean whole = kind == FetchItem.Kind.RFC822
                    || ((kind == FetchItem.Kind.BODY_SECTION || kind == FetchItem.Kind.BINARY)
                            && s.item().section().isEmpty()
                            && s.item().partial() == null);
            if (whole) {
                return s.size() < 0 ? null : s.size();
            }
        }
        return null;
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (bodyRead != null) {
            session.bodyReadsInFlight--;
            if (ImapCommand.ok(completion)) {
                session.detector.bodyReadCompleted(bodyRead, List.copyOf(read.values()), session.now());
            }
        } else if (access == FetchAccess.METADATA && ImapCommand.ok(completion)) {
            session.detector.metadataFetched(folder, session.now());
        }
        if (intent != null) {
            // after every access the answer revealed: those were emitted, so journaled, before this outcome
            session.intents.outcome(intent, completion.status(), session);
            intent = null;
        }
    }
}
