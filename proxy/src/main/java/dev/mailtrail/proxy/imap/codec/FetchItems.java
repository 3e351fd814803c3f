package dev.mailtrail.proxy.imap.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arguments of a FETCH or UID FETCH: the sequence set, the items with the macros {@code ALL}, {@code FAST} and
 * {@code FULL} expanded (RFC 9051 §6.4.5), and any modifiers such as {@code (CHANGEDSINCE 12)} left as tokens.
 */
public record FetchItems(SequenceSet sequenceSet, List<FetchItem> items, List<ImapToken> modifiers) {

    public FetchItems {
        items = List.copyOf(items);
        modifiers = List.copyOf(modifiers);
    }

    /** Reads the arguments of a {@code FETCH} or {@code UID FETCH} command (the tokens after its name). */
    public static FetchItems parse(List<ImapToken> arguments) throws ImapSyntaxException {
        if (arguments.size() < 2 || arguments.size() > 3 || !(arguments.get(0) instanceof ImapToken.Atom set)) {
            throw new ImapSyntaxException("FETCH needs a sequence set and items");
        }
        List<FetchItem> items = new ArrayList<>();
        switch (arguments.get(1)) {
            case ImapToken.Atom a -> macroOrItem(a.text(), items, true);
            case ImapToken.ParenList list -> {
                if (list.items().isEmpty()) {
                    throw new ImapSyntaxException("empty FETCH item list");
                }
                for (ImapToken t : list.items()) {
                    switch (t) {
                        case ImapToken.Atom a -> macroOrItem(a.text(), items, false);
                        // an item's own arguments, as RFC 8970's PREVIEW (LAZY) and Dovecot's SNIPPET (FUZZY)
                        case ImapToken.ParenList p when !items.isEmpty() -> {}
                        // read differently by the server, it could be anything: judged as content by its response
                        default -> items.add(FetchItem.simple(FetchItem.Kind.OTHER, "?"));
                    }
                }
            }
            default -> throw new ImapSyntaxException("FETCH items must be an atom or a list");
        }
        List<ImapToken> modifiers = List.of();
        if (arguments.size() == 3) {
            if (!(arguments.get(2) instanceof ImapToken.ParenList m)) {
                throw new ImapSyntaxException("FETCH modifiers must be a list");
            }
            modifiers = m.items();
        }
        return new FetchItems(SequenceSet.parse(set.text()), items, modifiers);
    }

    private static void macroOrItem(String text, List<FetchItem> out, boolean macroAllowed) throws ImapSyntaxException {
        String upper = text.toUpperCase(Locale.ROOT);
        boolean macro = upper.equals("ALL") || upper.equals("FAST") || upper.equals("FULL");
        if (macro && !macroAllowed) {
            throw new ImapSyntaxException("macro " + upper + " inside a list");
        }
        if (!macro) {
            out.add(FetchItem.parse(text));
            return;
        }
        out.add(FetchItem.simple(FetchItem.Kind.FLAGS, "FLAGS"));
        out.add(FetchItem.simple(FetchItem.Kind.INTERNALDATE, "INTERNALDATE"));
        out.add(FetchItem.simple(FetchItem.Kind.RFC822_SIZE, "RFC822.SIZE"));
        if (!upper.equals("FAST")) {
            out.add(FetchItem.simple(FetchItem.Kind.ENVELOPE, "ENVELOPE"));
        }
        if (upper.equals("FULL")) {
            out.add(FetchItem.simple(FetchItem.Kind.BODY, "BODY"));
        }
    }
}
