package dev.mailtrail.proxy.imap.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One FETCH data item (RFC 9051 §6.4.5 {@code fetch-att}, RFC 3516 BINARY, RFC 7162 MODSEQ), as a client asks for it
 * or a server names it in a FETCH response. {@code section} is the text between the brackets (null without
 * brackets), {@code sectionPart} its leading part number ({@code "1.2"}, empty if none) and {@code sectionText} the
 * rest upper-cased ({@code "HEADER.FIELDS"}, {@code "TEXT"}, {@code "MIME"} or empty).
 */
public record FetchItem(
        Kind kind,
        boolean peek,
        String section,
        String sectionPart,
        String sectionText,
        List<String> headerFields,
        Partial partial,
        String name) {

    /**
     * The item kinds. {@link #PREVIEW} is text cut from the body (RFC 8970 PREVIEW, Dovecot's SNIPPET);
     * {@link #METADATA_EXTENSION} an extension item that carries no text of the message ({@link #METADATA_NAMES});
     * {@link #OTHER} an item this codec does not know, which may carry anything.
     */
    public enum Kind {
        BODY_SECTION,
        BINARY,
        BINARY_SIZE,
        BODY,
        BODYSTRUCTURE,
        ENVELOPE,
        FLAGS,
        UID,
        INTERNALDATE,
        MODSEQ,
        RFC822,
        RFC822_HEADER,
        RFC822_TEXT,
        RFC822_SIZE,
        PREVIEW,
        METADATA_EXTENSION,
        OTHER
    }

    /**
     * Extension items that name, date or label a message but carry none of its text: RFC 8474 OBJECTID (EMAILID,
     * THREADID), RFC 8514 SAVEDATE, Gmail's X-GM-EXT-1, Cyrus' DIGEST.SHA1 and CREATEDMODSEQ.
     */
    public static final java.util.Set<String> METADATA_NAMES = java.util.Set.of(
            "EMAILID",
            "THREADID",
            "SAVEDATE",
            "X-GM-MSGID",
            "X-GM-THRID",
            "X-GM-LABELS",
            "DIGEST.SHA1",
            "CREATEDMODSEQ");

    /** {@code <offset.length>} in a request, {@code <offset>} in a response ({@code length} -1). */
    public record Partial(long offset, long length) {}

    public FetchItem {
        headerFields = List.copyOf(headerFields);
    }

    static FetchItem simple(Kind kind, String name) {
        return new FetchItem(kind, false, null, "", "", List.of(), null, name);
    }

    /** Reads one item such as {@code BODY.PEEK[1.2.HEADER.FIELDS (SUBJECT)]<0.512>}. */
    public static FetchItem parse(String atom) throws ImapSyntaxException {
        int open = atom.indexOf('[');
        String name = (open < 0 ? atom : atom.substring(0, open)).toUpperCase(Locale.ROOT);
        if (open < 0) {
            return switch (name) {
                case "BODY" -> simple(Kind.BODY, name);
                case "BODYSTRUCTURE" -> simple(Kind.BODYSTRUCTURE, name);
                case "ENVELOPE" -> simple(Kind.ENVELOPE, name);
                case "FLAGS" -> simple(Kind.FLAGS, name);
                case "UID" -> simple(Kind.UID, name);
                case "INTERNALDATE" -> simple(Kind.INTERNALDATE, name);
                case "MODSEQ" -> simple(Kind.MODSEQ, name);
                case "RFC822" -> simple(Kind.RFC822, name);
                case "RFC822.HEADER" -> simple(Kind.RFC822_HEADER, name);
                case "RFC822.TEXT" -> simple(Kind.RFC822_TEXT, name);
                case "RFC822.SIZE" -> simple(Kind.RFC822_SIZE, name);
                case "PREVIEW", "SNIPPET" -> simple(Kind.PREVIEW, name);
                default -> {
                    if (METADATA_NAMES.contains(name)) {
                        yield simple(Kind.METADATA_EXTENSION, name);
                    }
                    if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '<')) {
                        throw new ImapSyntaxException("bad fetch item '" + atom + "'");
                    }
                    yield simple(Kind.OTHER, name);
                }
            };
        }
        int close = atom.lastIndexOf(']');
        if (close < open) {
            throw new ImapSyntaxException("unterminated section in '" + atom + "'");
        }
        Kind kind;
        boolean peek = name.endsWith(".PEEK");
        switch (peek ? name.substring(0, name.length() - 5) : name) {
            case "BODY" -> kind = Kind.BODY_SECTION;
            case "BINARY" -> kind = Kind.BINARY;
            case "BINARY.SIZE" -> {
                if (peek) {
                    throw new ImapSyntaxException("BINARY.SIZE has no PEEK");
                }
                kind = Kind.BINARY_SIZE;
            }
            default -> {
                // An extension this codec does not know: kept whole, and counted as content
                if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '<' && c != '(' && c != ')')) {
                    throw new ImapSyntaxException("bad fetch item '" + atom + "'");
                }
                return new FetchItem(Kind.OTHER, peek, atom.substring(open + 1, close), "", "", List.of(), null, name);
            }
        }
        String section = atom.substring(open + 1, close);
        Partial partial = partial(atom.substring(close + 1));
        return sectioned(kind, peek, section, partial, name);
    }

    private static FetchItem sectioned(Kind kind, boolean peek, String section, Partial partial, String name)
            throws ImapSyntaxException {
        ImapTokenizer t = new ImapTokenizer();
        byte[] b = section.getBytes(StandardCharsets.UTF_8);
        if (t.fragment(b, 0, b.length) != null) {
            throw new ImapSyntaxException("literal in section");
        }
        List<ImapToken> tokens = t.finish();
        String spec = tokens.isEmpty() ? "" : ImapToken.stringValue(tokens.get(0));
        if (spec == null || tokens.size() > 2) {
            throw new ImapSyntaxException("bad section '" + section + "'");
        }
        spec = spec.toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < spec.length() && (Character.isDigit(spec.charAt(i)) || spec.charAt(i) == '.')) {
            i++;
        }
        if (i < spec.length() && i > 0) {
            i--; // the dot before the text belongs to neither
        }
        String part = spec.substring(0, i);
        String text = spec.substring(i).startsWith(".") ? spec.substring(i + 1) : spec.substring(i);
        if (!part.isEmpty() && !part.matches("[1-9][0-9]*(\\.[1-9][0-9]*)*")) {
            throw new ImapSyntaxException("bad section part '" + part + "'");
        }
        boolean fieldList = text.equals("HEADER.FIELDS") || text.equals("HEADER.FIELDS.NOT");
        boolean known = text.isEmpty()
                || text.equals("HEADER")
                || text.equals("TEXT")
                || fieldList
                || (text.equals("MIME") && !part.isEmpty());
        if (!known || fieldList != (tokens.size() == 2) || (kind != Kind.BODY_SECTION && !text.isEmpty())) {
            throw new ImapSyntaxException("bad section '" + section + "'");
        }
        List<String> fields = new ArrayList<>();
        if (fieldList) {
            if (!(tokens.get(1) instanceof ImapToken.ParenList list)
                    || list.items().isEmpty()) {
                throw new ImapSyntaxException("bad header list in '" + section + "'");
            }
            for (ImapToken f : list.items()) {
                String s = ImapToken.stringValue(f);
                if (s == null) {
                    throw new ImapSyntaxException("bad header name in '" + section + "'");
                }
                fields.add(s.toUpperCase(Locale.ROOT));
            }
        }
        return new FetchItem(kind, peek, section, part, text, fields, partial, name);
    }

    private static Partial partial(String s) throws ImapSyntaxException {
        if (s.isEmpty()) {
            return null;
        }
        if (!s.matches("<[0-9]{1,10}(\\.[0-9]{1,10})?>")) {
            throw new ImapSyntaxException("bad partial '" + s + "'");
        }
        String inner = s.substring(1, s.length() - 1);
        int dot = inner.indexOf('.');
        return dot < 0
                ? new Partial(Long.parseLong(inner), -1)
                : new Partial(Long.parseLong(inner.substring(0, dot)), Long.parseLong(inner.substring(dot + 1)));
    }
}
