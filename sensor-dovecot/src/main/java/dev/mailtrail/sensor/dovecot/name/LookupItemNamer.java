package dev.mailtrail.sensor.dovecot.name;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
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
import dev.mailtrail.sensor.dovecot.map.MappedAccess;
import dev.mailtrail.sensor.dovecot.map.NamingHint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names items with the proxy's lookup connection: UIDs not yet in its cache are fetched from the server
 * ({@code UID FETCH … BODY.PEEK[HEADER.FIELDS (MESSAGE-ID SUBJECT)]} as the lookup account), a STORE by sequence
 * number is resolved to UIDs the same way. Dovecot's events carry no UIDVALIDITY, so the cache is keyed by UID
 * alone (UIDVALIDITY 0, "any"). A message already expunged when its event arrives can only be named from the cache:
 * it is when an earlier read, STORE {@code \Deleted} or APPEND named it.
 */
public final class LookupItemNamer implements ItemNamer, AutoCloseable {
    /** Messages whose names are kept, as the proxy keeps them. */
    static final int CACHE = 100_000;

    private final LookupIdentityResolver lookup;
    private final boolean owned;

    /** Names with {@code lookup}, which the caller keeps and closes. */
    public LookupItemNamer(LookupIdentityResolver lookup) {
        this(lookup, false);
    }

    private LookupItemNamer(LookupIdentityResolver lookup, boolean owned) {
        this.lookup = lookup;
        this.owned = owned;
    }

    /**
     * Names with a lookup connection of its own to {@code imap} (the Dovecot the events come from), logging in as
     * its {@link UpstreamConfig#lookup()} account (a master user); closed with this namer.
     */
    public static LookupItemNamer connect(UpstreamConfig imap) throws TlsSetupException {
        if (imap.lookup() == null) {
            throw new IllegalArgumentException("the upstream has no lookup account");
        }
        return new LookupItemNamer(
                new LookupIdentityResolver(
                        imap, imap.tls() == TlsMode.NONE ? null : TlsContexts.clientSockets(imap), CACHE),
                true);
    }

    /** Lookups that went to the server so far (the rest were answered from the cache). */
    public long lookups() {
        return lookup.lookups();
    }

    /**
     * Asks for a listing's messages on the lookup's own thread and returns at once: the lookups are serial, so the
     * naming of a delete posted after this waits for it.
     */
    @Override
    public void warm(NamingHint hint) {
        String key = hint.owner() + "/" + hint.folder();
        lookup.prefetch(
                new FolderAccess(
                        hint.owner(), hint.owner(), LogonType.ADMIN, Session.NONE, new FolderRef(key, null), key, 0),
                hint.selection());
    }

    /** What the lookup knows of a message now (from a listing, a read or an earlier lookup). */
    public Optional<MessageIdentity> known(String owner, String folder, long uid) {
        return lookup.find(owner + "/" + folder, 0, uid);
    }

    @Override
    public void close() {
        if (owned) {
            lookup.close();
        }
    }

    @Override
    public MailboxAccess name(MappedAccess mapped) {
        MailboxAccess a = mapped.access();
        if (mapped.selection() == null || a.items().isEmpty()) {
            return a;
        }
        String key = mapped.owner() + "/" + mapped.folder();
        FolderAccess folder = new FolderAccess(a.actor(), a.mailbox(), a.logonType(), a.session(), a.folder(), key, 0);
        LookupResult found = lookup.prefetch(folder, mapped.selection())
                .toCompletableFuture()
                .join();
        Map<Long, Long> uidsBySequence = found == null ? Map.of() : found.uidsBySequence();
        List<ItemRef> named = new ArrayList<>(a.items().size());
        for (ItemRef item : a.items()) {
            named.add(named(item, key, mapped.selection(), uidsBySequence));
        }
        return new MailboxAccess(
                a.time(),
                a.actor(),
                a.mailbox(),
                a.logonType(),
                a.operation(),
                a.accessType(),
                a.session(),
                a.folder(),
                a.destFolder(),
                named,
                a.result(),
                a.parameters());
    }

    private ItemRef named(ItemRef item, String key, MessageSelection selection, Map<Long, Long> uidsBySequence) {
        String id = item.id();
        int at = id.lastIndexOf(';');
        if (at < 0) {
            return item;
        }
        String stem = id.substring(0, at);
        String number = id.substring(at + 1);
        long uid;
        if (number.startsWith("uid=")) {
            uid = Long.parseLong(number.substring(4));
        } else if (number.startsWith("seq=") && selection instanceof MessageSelection.Sequences) {
            Long u = uidsBySequence.get(Long.parseLong(number.substring(4)));
            if (u == null) {
                return item;
            }
            uid = u;
            id = stem + ";uid=" + uid;
        } else {
            return item;
        }
        Optional<MessageIdentity> identity = lookup.find(key, 0, uid);
        if (identity.isEmpty()) {
            return id.equals(item.id()) ? item : new ItemRef(null, id, null, null);
        }
        MessageIdentity m = identity.get();
        if (m.internetMessageId() == null && m.subject() == null) {
            return new ItemRef(null, id, m.size(), null);
        }
        return new ItemRef(m.internetMessageId(), id, m.size(), m.subject());
    }
}
