package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.LookupResult;
import dev.mailtrail.proxy.session.MessageIdentity;
import dev.mailtrail.proxy.session.MessageIdentityResolver;
import dev.mailtrail.proxy.session.MessageSelection;
import dev.mailtrail.proxy.session.RememberingIdentityResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The mail server's side of a lookup, for transcripts: its messages are {@code L: folder uid seq [deleted]} lines, each
 * named {@code <mUID@contoso.test>}, {@code Message UID}, 100 + UID bytes, as {@link ImapTranscript#message} names
 * them; {@code L: fail why} makes every lookup fail. Answers at once, as a lookup the cache or a fast server answers.
 */
final class TranscriptLookup implements MessageIdentityResolver {

    private record Message(String folder, long uid, long sequence, boolean deleted) {}

    private final List<Message> messages = new ArrayList<>();
    private final RememberingIdentityResolver cache = new RememberingIdentityResolver(10_000);
    private String failure;
    final List<MessageSelection> asked = new ArrayList<>();

    TranscriptLookup(List<String> transcript) {
        for (String line : transcript) {
            if (line.startsWith("L: fail ")) {
                failure = line.substring(8);
            } else if (line.startsWith("L: ")) {
                String[] w = line.substring(3).trim().split(" +");
                messages.add(new Message(w[0], Long.parseLong(w[1]), Long.parseLong(w[2]), w.length > 3));
            }
        }
    }

    @Override
    public Optional<MessageIdentity> find(String folderId, long uidValidity, long uid) {
        return cache.find(folderId, uidValidity, uid);
    }

    @Override
    public void seen(String folderId, long uidValidity, long uid, MessageIdentity identity) {
        cache.seen(folderId, uidValidity, uid, identity);
    }

    @Override
    public boolean looksUp() {
        return true;
    }

    @Override
    public CompletionStage<LookupResult> prefetch(FolderAccess folder, MessageSelection selection) {
        asked.add(selection);
        if (failure != null) {
            return CompletableFuture.completedFuture(LookupResult.failed(failure));
        }
        String name = folder.folderKey().substring(folder.mailbox().length() + 1);
        Map<Long, Long> found = new LinkedHashMap<>();
        for (Message m : messages) {
            boolean wanted =
                    switch (selection) {
                        case MessageSelection.Uids u -> u.uids().contains(m.uid());
                        case MessageSelection.Sequences s -> contains(s.set(), m.sequence());
                        case MessageSelection.Deleted d -> m.deleted();
                    };
            if (m.folder().equals(name) && wanted) {
                seen(folder.folderKey(), folder.uidValidity(), m.uid(), identity(m.uid()));
                found.put(m.sequence(), m.uid());
            }
        }
        return CompletableFuture.completedFuture(new LookupResult(found, null));
    }

    static MessageIdentity identity(long uid) {
        return new MessageIdentity("<m" + uid + "@contoso.test>", "Message " + uid, 100 + uid);
    }

    private static boolean contains(String set, long n) {
        try {
            return dev.mailtrail.proxy.imap.codec.SequenceSet.parse(set).contains(n, Long.MAX_VALUE - 1);
        } catch (dev.mailtrail.proxy.imap.codec.ImapSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
