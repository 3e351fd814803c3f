package dev.mailtrail.proxy.imap.codec;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Makes sense of one server response from its line fragments and literals, for {@link ImapResponseScanner}. */
final class ResponseReader {

    private enum Kind {
        FETCH,
        NAMESPACE,
        ID,
        OTHER
    }

    private final int maxLineLength;
    private Kind kind;
    private String firstLine;
    private String name;
    private ImapTokenizer tokenizer;
    private String broken;
    private long kept;

    ResponseReader(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    long kept() {
        return kept;
    }

    void reset() {
        kind = null;
        firstLine = null;
        name = null;
        tokenizer = null;
        broken = null;
        kept = 0;
    }

    /** True when the response this line starts or continues may carry literals (so {n} at its end is one). */
    boolean takesLiterals(byte[] b, int n) {
        if (kind != null) {
            return true;
        }
        String text = new String(b, 0, n, StandardCharsets.UTF_8);
        if (!text.startsWith("* ")) {
            return false;
        }
        String[] w = text.split(" ", 4);
        if (w.length < 2 || isStatus(w[1])) {
            return false;
        }
        boolean numbered = w[1].chars().allMatch(Character::isDigit) && !w[1].isEmpty();
        String word = upper(numbered ? (w.length > 2 ? w[2] : "") : w[1]);
        boolean fetch = word.equals("FETCH") || word.equals("UIDFETCH");
        if ((numbered && !fetch) || word.equals("CAPABILITY")) {
            return false;
        }
        kind = switch (word) {
            case "FETCH", "UIDFETCH" -> Kind.FETCH;
            case "NAMESPACE" -> Kind.NAMESPACE;
            case "ID" -> Kind.ID;
            default -> Kind.OTHER;
        };
        name = word;
        firstLine = text;
        tokenizer = kind == Kind.OTHER ? null : new ImapTokenizer();
        return true;
    }

    /** Takes one line fragment; when {@code literalFollows} is false the response is complete and reported. */
    void fragment(byte[] b, int n, boolean literalFollows, List<ImapResponse> out) {
        kept += n;
        if (kind == null) {
            out.add(simple(new String(b, 0, n, StandardCharsets.UTF_8)));
            reset();
            return;
        }
        if (tokenizer != null && broken == null) {
            try {
                tokenizer.fragment(b, 0, n);
            } catch (ImapSyntaxException e) {
                broken = e.getMessage();
            }
        }
        if (!literalFollows) {
            out.add(complete());
            reset();
        }
    }

    void literal(ImapToken.Literal literal) {
        kept += literal.data().length;
        if (tokenizer != null && broken == null) {
            tokenizer.literal(literal);
        }
    }

    /**
     * The FETCH response being read, as far as it has come, with {@code inProgress} (null: none) as the value now
     * arriving: its number, the UID if it came first, and the items so far. One that cannot be read that way still
     * names its number and carries the value as an item of unknown kind, which counts as content: a response that
     * streams is never taken for a listing. Null when this is no FETCH response.
     */
    ImapResponse.Fetch fetchSoFar(ImapToken.Literal inProgress) {
        if (kind != Kind.FETCH) {
            return null;
        }
        if (broken == null) {
            try {
                return FetchResponseData.read(tokenizer.soFar(inProgress));
            } catch (ImapSyntaxException | RuntimeException e) {
                // read below from its first line
            }
        }
        String[] w = firstLine.split(" ", 4);
        OptionalLong n = number(w[1]);
        if (n.isEmpty()) {
            return null;
        }
        boolean byUid = name.equals("UIDFETCH");
        byte[] data = inProgress == null ? new byte[0] : inProgress.data();
        long size = inProgress == null ? 0 : inProgress.size();
        try {
            return new ImapResponse.Fetch(
                    byUid ? 0 : n.getAsLong(),
                    byUid ? n : OptionalLong.empty(),
                    OptionalLong.empty(),
                    null,
                    List.of(new FetchSection(FetchItem.parse("X-MAILTRAIL-UNREAD"), size, data)));
        } catch (ImapSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImapResponse complete() {
        if (kind == Kind.OTHER) {
            String[] w = firstLine.strip().split(" ", 3);
            ImapResponse vanished = name.equals("VANISHED") && w.length == 3 ? vanished(w[2]) : null;
            return vanished != null ? vanished : new ImapResponse.Other(name, firstLine);
        }
        try {
            if (broken != null) {
                throw new ImapSyntaxException(broken);
            }
            List<ImapToken> t = tokenizer.finish();
            return switch (kind) {
                case FETCH -> FetchResponseData.read(t);
                case NAMESPACE -> new ImapResponse.Namespace(t.subList(2, t.size()));
                case ID -> id(t);
                case OTHER -> throw new IllegalStateException();
            };
        } catch (ImapSyntaxException | RuntimeException e) {
            return new ImapResponse.Unreadable(name + ": " + e.getMessage());
        }
    }

    private static ImapResponse id(List<ImapToken> t) throws ImapSyntaxException {
        Map<String, String> fields = new HashMap<>();
        if (t.size() == 3 && t.get(2) instanceof ImapToken.ParenList list) {
            List<ImapToken> items = list.items();
            for (int i = 0; i + 1 < items.size(); i += 2) {
                String key = ImapToken.stringValue(items.get(i));
                String value = ImapToken.stringValue(items.get(i + 1));
                boolean nil =
                        items.get(i + 1) instanceof ImapToken.Atom a && a.text().equalsIgnoreCase("NIL");
                if (key != null && value != null && !nil) {
                    fields.put(key.toLowerCase(Locale.ROOT), value);
                }
            }
        } else if (t.size() != 3) {
            throw new ImapSyntaxException("bad ID response");
        }
        return new ImapResponse.Id(fields);
    }

    private ImapResponse simple(String text) {
        if (text.startsWith("+")) {
            return new ImapResponse.Continuation(text.startsWith("+ ") ? text.substring(2) : text.substring(1));
        }
        String[] w = text.split(" ", 3);
        if (w[0].equals("*")) {
            if (w.length >= 2 && isStatus(w[1])) {
                return status(null, w[1], w.length > 2 ? w[2] : "");
            }
            if (w.length >= 2 && upper(w[1]).equals("CAPABILITY")) {
                return new ImapResponse.Capability(ResponseCode.words(w.length > 2 ? w[2] : ""));
            }
            if (w.length == 3) {
                OptionalLong n = number(w[1]);
                String what = upper(w[2]);
                if (n.isPresent() && what.equals("EXISTS")) {
                    return new ImapResponse.Exists(n.getAsLong());
                }
                if (n.isPresent() && what.equals("EXPUNGE")) {
                    return new ImapResponse.Expunge(n.getAsLong());
                }
                if (n.isPresent()) {
                    return new ImapResponse.Other(what, text);
                }
            }
            return new ImapResponse.Other(w.length > 1 ? upper(w[1]) : "", text);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (w.length >= 2
                && ImapRequestDecoder.tagOf(bytes, bytes.length) != null
                && isStatus(w[1])
                && !upper(w[1]).equals("BYE")
                && !upper(w[1]).equals("PREAUTH")) {
            return status(w[0], w[1], w.length > 2 ? w[2] : "");
        }
        return new ImapResponse.Unreadable("not a response: " + text.substring(0, Math.min(40, text.length())));
    }

    private static ImapResponse vanished(String rest) {
        boolean earlier = upper(rest).startsWith("(EARLIER) ");
        try {
            return new ImapResponse.Vanished(
                    earlier, SequenceSet.parse(earlier ? rest.substring(10).strip() : rest.strip()));
        } catch (ImapSyntaxException e) {
            return null;
        }
    }

    private static ImapResponse status(String tag, String status, String rest) {
        ResponseCode code = ResponseCode.parse(rest);
        String text =
                code == null ? rest : rest.substring(rest.indexOf(']') + 1).stripLeading();
        return tag == null
                ? new ImapResponse.Status(upper(status), code, text)
                : new ImapResponse.Tagged(tag, upper(status), code, text);
    }

    static OptionalLong number(String s) {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(s));
    }

    private static boolean isStatus(String w) {
        return switch (upper(w)) {
            case "OK", "NO", "BAD", "BYE", "PREAUTH" -> true;
            default -> false;
        };
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
