package dev.mailtrail.proxy.imap.codec;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** What {@link ImapResponseScanner} recognises in server output; the bytes themselves pass on untouched. */
public sealed interface ImapResponse {

    /** A tagged completion: {@code status} is OK, NO or BAD; {@code code} may be null. */
    record Tagged(String tag, String status, ResponseCode code, String text) implements ImapResponse {}

    /** An untagged OK, NO, BAD, PREAUTH or BYE (the greeting among them); {@code code} may be null. */
    record Status(String status, ResponseCode code, String text) implements ImapResponse {}

    /** A continuation request, {@code + text}. */
    record Continuation(String text) implements ImapResponse {}

    /** {@code * n EXISTS}. */
    record Exists(long count) implements ImapResponse {}

    /** {@code * n EXPUNGE}. */
    record Expunge(long sequence) implements ImapResponse {}

    /**
     * RFC 7162 {@code * VANISHED [(EARLIER)] uid-set}: with QRESYNC (and RFC 9586 UIDONLY) the server names expunged
     * messages by UID instead of EXPUNGE; {@code earlier} ones went before this session looked.
     */
    record Vanished(boolean earlier, SequenceSet uids) implements ImapResponse {}

    /**
     * {@code * n FETCH (…)}: the UID and RFC822.SIZE when present, the flags (null when not sent) and the body
     * sections returned.
     */
    record Fetch(
            long sequence, OptionalLong uid, OptionalLong rfc822Size, List<String> flags, List<FetchSection> sections)
            implements ImapResponse {
        public Fetch {
            flags = flags == null ? null : List.copyOf(flags);
            sections = List.copyOf(sections);
        }
    }

    /** {@code * CAPABILITY …}, names upper-cased. */
    record Capability(List<String> capabilities) implements ImapResponse {
        public Capability {
            capabilities = List.copyOf(capabilities);
        }
    }

    /** {@code * NAMESPACE personal other shared}, each the atom NIL or a list. */
    record Namespace(List<ImapToken> namespaces) implements ImapResponse {}

    /** {@code * ID (…)}: the field names lower-cased; empty for NIL. */
    record Id(Map<String, String> fields) implements ImapResponse {
        public Id {
            fields = Map.copyOf(fields);
        }
    }

    /** Any other untagged response ({@code * LIST …}, {@code * SEARCH …}): its name and first line. */
    record Other(String name, String firstLine) implements ImapResponse {}

    /**
     * A response the scanner could not read (too long, bad syntax, bare CR or LF); it has skipped to the end of it.
     */
    record Unreadable(String reason) implements ImapResponse {}
}
