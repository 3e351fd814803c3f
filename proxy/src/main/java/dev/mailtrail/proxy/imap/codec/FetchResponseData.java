package dev.mailtrail.proxy.imap.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads {@code * n FETCH (name value …)} into {@link ImapResponse.Fetch} (RFC 9051 §7.5.2 {@code msg-att}), and RFC
 * 9586's {@code * u UIDFETCH (…)}, whose number is the UID. Every item that carries text of the message (body
 * sections, RFC822*, PREVIEW, SNIPPET) and every item this codec does not know becomes a {@link FetchSection}: what
 * the response carried is judged, whatever the request asked.
 */
final class FetchResponseData {

    private FetchResponseData() {}

    static ImapResponse.Fetch read(List<ImapToken> t) throws ImapSyntaxException {
        if (t.size() != 4
                || !(t.get(1) instanceof ImapToken.Atom seq)
                || !(t.get(3) instanceof ImapToken.ParenList list)) {
            throw new ImapSyntaxException("bad FETCH response");
        }
        OptionalLong sequence = ResponseReader.number(seq.text());
        if (sequence.isEmpty() || list.items().size() % 2 != 0) {
            throw new ImapSyntaxException("bad FETCH response");
        }
        OptionalLong uid = OptionalLong.empty();
        if (t.get(2) instanceof ImapToken.Atom what && what.text().equalsIgnoreCase("UIDFETCH")) {
            uid = sequence;
            sequence = OptionalLong.of(0);
        }
        OptionalLong size = OptionalLong.empty();
        List<String> flags = null;
        List<FetchSection> sections = new ArrayList<>();
        List<ImapToken> items = list.items();
        for (int i = 0; i < items.size(); i += 2) {
            if (!(items.get(i) instanceof ImapToken.Atom nameAtom)) {
                throw new ImapSyntaxException("FETCH data name is not an atom");
            }
            FetchItem item = FetchItem.parse(nameAtom.text());
            ImapToken value = items.get(i + 1);
            switch (item.kind()) {
                case UID -> uid = number(value);
                case RFC822_SIZE -> size = number(value);
                case FLAGS -> flags = flags(value);
                case BODY_SECTION, BINARY, RFC822, RFC822_HEADER, RFC822_TEXT, PREVIEW, OTHER ->
                    sections.add(section(item, value));
                default -> {}
            }
        }
        return new ImapResponse.Fetch(sequence.getAsLong(), uid, size, flags, sections);
    }

    private static FetchSection section(FetchItem item, ImapToken value) throws ImapSyntaxException {
        return switch (value) {
            case ImapToken.Literal l -> new FetchSection(item, l.size(), l.data());
            case ImapToken.Quoted q -> {
                byte[] b = q.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                yield new FetchSection(item, b.length, b);
            }
            case ImapToken.Atom a when a.text().equalsIgnoreCase("NIL") -> new FetchSection(item, -1, new byte[0]);
            case ImapToken.Atom a when item.kind() == FetchItem.Kind.OTHER -> text(item, List.of(a));
            // SNIPPET (FUZZY "text"), or an unknown item's list: the strings in it are what went out
            case ImapToken.ParenList l
            when item.kind() == FetchItem.Kind.PREVIEW || item.kind() == FetchItem.Kind.OTHER -> text(item, l.items());
            default -> throw new ImapSyntaxException("bad value for " + item.name());
        };
    }

    private static FetchSection text(FetchItem item, List<ImapToken> tokens) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long size = 0;
        for (ImapToken token : tokens) {
            switch (token) {
                case ImapToken.Literal l -> {
                    size += l.size();
                    out.writeBytes(l.data());
                }
                case ImapToken.ParenList p -> {
                    FetchSection inner = text(item, p.items());
                    size += inner.size();
                    out.writeBytes(inner.captured());
                }
                default -> {
                    byte[] b = ImapToken.stringValue(token).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    size += b.length;
                    out.writeBytes(b);
                }
            }
        }
        byte[] captured = out.toByteArray();
        return new FetchSection(item, Math.max(size, captured.length), captured);
    }

    private static OptionalLong number(ImapToken value) throws ImapSyntaxException {
        OptionalLong n = value instanceof ImapToken.Atom a ? ResponseReader.number(a.text()) : OptionalLong.empty();
        if (n.isEmpty()) {
            throw new ImapSyntaxException("bad number in FETCH response");
        }
        return n;
    }

    private static List<String> flags(ImapToken value) throws ImapSyntaxException {
        if (!(value instanceof ImapToken.ParenList list)) {
            throw new ImapSyntaxException("bad FLAGS in FETCH response");
        }
        List<String> out = new ArrayList<>();
        for (ImapToken f : list.items()) {
            String s = ImapToken.stringValue(f);
            if (s == null) {
                throw new ImapSyntaxException("bad flag");
            }
            out.add(s);
        }
        return out;
    }
}
