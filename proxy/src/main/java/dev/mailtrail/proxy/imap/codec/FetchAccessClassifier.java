package dev.mailtrail.proxy.imap.codec;

import java.util.List;

/**
 * Says what a FETCH opens, as Dovecot gives each FETCH a reason for opening a message. Text cut from the body
 * (PREVIEW, SNIPPET) is {@link FetchAccess#CONTENT}, and so is an item this codec does not know, so that nothing
 * unknown passes as a listing; BINARY.SIZE counts as {@link FetchAccess#STRUCTURE}; the extension items of {@link
 * FetchItem#METADATA_NAMES} as {@link FetchAccess#METADATA} (docs/imap-audit-mapping.md, "FETCH items").
 */
public final class FetchAccessClassifier {

    /**
     * The largest partial body section that is a preview: Thunderbird fetches {@code BODY.PEEK[TEXT]<0.2048>} of
     * each new message on its own (docs/imap-client-behaviour.md §2).
     */
    public static final long PREVIEW_BYTES = 2048;

    private FetchAccessClassifier() {}

    public static FetchAccess classify(FetchItems fetch) {
        return classify(fetch.items());
    }

    public static FetchAccess classify(List<FetchItem> items) {
        FetchAccess most = FetchAccess.METADATA;
        for (FetchItem item : items) {
            FetchAccess a = classify(item);
            if (a.compareTo(most) > 0) {
                most = a;
            }
        }
        return most;
    }

    public static FetchAccess classify(FetchItem item) {
        return switch (item.kind()) {
            case UID, FLAGS, INTERNALDATE, RFC822_SIZE, MODSEQ, METADATA_EXTENSION -> FetchAccess.METADATA;
            case BODY, BODYSTRUCTURE, BINARY_SIZE -> FetchAccess.STRUCTURE;
            case ENVELOPE, RFC822_HEADER -> FetchAccess.HEADERS;
            case RFC822, RFC822_TEXT, BINARY, PREVIEW, OTHER -> FetchAccess.CONTENT;
            case BODY_SECTION -> section(item);
        };
    }

    /**
     * The message's own header and a part's MIME header are headers; the header of a part ({@code 1.HEADER}) is the
     * header of an attached message, which is text of this message's body.
     */
    private static FetchAccess section(FetchItem item) {
        String text = item.sectionText();
        if (text.equals("MIME")
                || (text.startsWith("HEADER") && item.sectionPart().isEmpty())) {
            return FetchAccess.HEADERS;
        }
        return FetchAccess.CONTENT;
    }

    /**
     * True when the FETCH opens content only as previews: every content item is a body section cut to at most
     * {@link #PREVIEW_BYTES} ({@code BODY.PEEK[TEXT]<0.2048>}), so no whole message goes out.
     */
    public static boolean isPreview(FetchItems fetch) {
        boolean content = false;
        for (FetchItem item : fetch.items()) {
            if (classify(item) != FetchAccess.CONTENT) {
                continue;
            }
            content = true;
            if (item.kind() != FetchItem.Kind.BODY_SECTION
                    || item.partial() == null
                    || item.partial().length() < 0
                    || item.partial().length() > PREVIEW_BYTES) {
                return false;
            }
        }
        return content;
    }

    /** True when the FETCH opens message content: a "body read". */
    public static boolean readsContent(FetchItems fetch) {
        return classify(fetch) == FetchAccess.CONTENT;
    }
}
