package dev.mailtrail.app.serve;

import dev.mailtrail.app.pipeline.IntentNamer;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.lookup.LookupIdentityResolver;
import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.LookupResult;
import dev.mailtrail.proxy.session.MessageIdentity;
import dev.mailtrail.proxy.session.MessageSelection;
import dev.mailtrail.proxy.tls.TlsContexts;
import dev.mailtrail.proxy.tls.TlsSetupException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Names the messages of reads, deletes and moves the process stopped in with the IMAP upstream's lookup account
 * (docs/decisions/0017): the proxy's own lookup code, on a connection of its own that lives only while the pipeline
 * opens. One lookup per folder (at most {@link #CHUNK} UIDs each), all within {@link #BOUND}: the open never waits
 * longer on a server that does not answer, and what was not named by then stays recorded by UID.
 */
final class LookupIntentNamer implements IntentNamer {
    private static final System.Logger LOG = System.getLogger(LookupIntentNamer.class.getName());

    /** The longest the naming may hold the open up. */
    static final Duration BOUND = Duration.ofSeconds(10);

    /** UIDs asked in one lookup (the lookup names at most 1000 at once). */
    static final int CHUNK = 1000;

    /** As the proxy keeps a subject. */
    private static final int MAX_SUBJECT = 255;

    private final UpstreamConfig imap;

    LookupIntentNamer(UpstreamConfig imap) {
        this.imap = imap;
    }

    /** A namer for {@code imap}'s lookup account, or {@link IntentNamer#NONE} when it has none. */
    static IntentNamer of(UpstreamConfig imap) {
        return imap == null || imap.lookup() == null ? IntentNamer.NONE : new LookupIntentNamer(imap);
    }

    @Override
    public List<ItemRef> name(List<Unnamed> items) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Map<String, List<Unnamed>> byFolder = new LinkedHashMap<>();
        items.forEach(u -> byFolder.computeIfAbsent(
                        u.mailbox() + "/" + u.folder() + ";" + u.uidValidity(), k -> new ArrayList<>())
                .add(u));
        List<ItemRef> names = new ArrayList<>();
        try (LookupIdentityResolver lookup = new LookupIdentityResolver(
                imap, imap.tls() == TlsMode.NONE ? null : TlsContexts.clientSockets(imap), Math.max(1, items.size()))) {
            for (List<Unnamed> folder : byFolder.values()) {
                for (int from = 0; from < folder.size(); from += CHUNK) {
                    List<Unnamed> chunk = folder.subList(from, Math.min(folder.size(), from + CHUNK));
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "naming the messages of open intents stopped after " + BOUND.toSeconds() + " s");
                        return names;
                    }
                    if (!lookUp(lookup, chunk, left)) {
                        continue;
                    }
                    Unnamed first = chunk.get(0);
                    String key = first.mailbox() + "/" + first.folder();
                    for (Unnamed u : chunk) {
                        Optional<MessageIdentity> found = lookup.find(key, u.uidValidity(), u.uid());
                        found.filter(m -> m.internetMessageId() != null || m.subject() != null)
                                .ifPresent(m -> names.add(new ItemRef(
                                        m.internetMessageId(), u.itemId(), m.size(), subject(m.subject()))));
                    }
                }
            }
        } catch (TlsSetupException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the messages of open intents cannot be named: " + e.getMessage());
        }
        return names;
    }

    private static boolean lookUp(LookupIdentityResolver lookup, List<Unnamed> chunk, long leftNanos) {
        Unnamed first = chunk.get(0);
        String key = first.mailbox() + "/" + first.folder();
        FolderAccess folder = new FolderAccess(
                first.mailbox(),
                first.mailbox(),
                LogonType.ADMIN,
                Session.NONE,
                new FolderRef(key, null),
                key,
                first.uidValidity());
        try {
            LookupResult result = lookup.prefetch(
                            folder,
                            new MessageSelection.Uids(
                                    chunk.stream().map(Unnamed::uid).toList()))
                    .toCompletableFuture()
                    .get(leftNanos, TimeUnit.NANOSECONDS);
            return result != null && result.failure() == null;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "messages in " + key + " not named: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String subject(String subject) {
        return subject == null ? null : subject.substring(0, Math.min(MAX_SUBJECT, subject.length()));
    }
}
