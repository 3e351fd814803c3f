package dev.mailtrail.format.event;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.core.event.Session;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Events in the journal's own form: the fields of {@link AuditEvent} in a fixed order, lengths and numbers as
 * variable-length integers, text as UTF-8, enums by their Exchange names (so that reordering an enum never changes
 * what a journal means). An event is written and read back several times more often than any JSON of it is read
 * by a person, and this form costs a fraction of JSON's either way. Written only from valid events; reading
 * anything else (a damaged journal is caught by its checksums first) is an {@link EventFormatException}.
 *
 * <p>Version 1: {@code version, kind (0 access, 1 cmdlet), epochSecond (zigzag), nano, actor, then for a cmdlet:
 * command, session; for an access: mailbox, logonType, operation, accessType?, session, folder?, destFolder?,
 * items, result, parameters}. A {@code ?} or a nullable text is a length + 1, 0 meaning absent. Kinds added
 * since, in the same version (a journal that holds them was written by a build that reads them): 2 an intent
 * ({@code id}, then its access's fields from mailbox on), 3 an intent's outcome ({@code session, intent, answer}),
 * 4 an outcome that names some of its intent's items (as 3, then the names as an access's items).
 */
public final class BinaryEventCodec {
    private static final int VERSION = 1;
    private static final int ACCESS = 0;
    private static final int CMDLET = 1;
    private static final int INTENT = 2;
    private static final int OUTCOME = 3;
    private static final int NAMED_OUTCOME = 4;

    /** A growable buffer to encode into; one per thread. */
    public static final class Output {
        private byte[] bytes = new byte[512];
        private int length;

        /** The bytes written since the last {@link #reset}. */
        public byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }

        public void reset() {
            length = 0;
        }

        public void writeByte(int b) {
            ensure(1);
            bytes[length++] = (byte) b;
        }

        void varLong(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[length++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[length++] = (byte) value;
        }

        void text(String text) {
            if (text == null) {
                varLong(0);
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            varLong(utf8.length + 1L);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    private BinaryEventCodec() {}

    /** Appends the event to {@code out}. */
    public static void write(AuditEvent event, Output out) {
        out.varLong(VERSION);
        switch (event) {
            case MailboxAccess access -> {
                out.varLong(ACCESS);
                header(access.time(), access.actor(), out);
                access(access, out);
            }
            case CmdletInvocation cmdlet -> {
                out.varLong(CMDLET);
                header(cmdlet.time(), cmdlet.actor(), out);
                out.text(cmdlet.command());
                session(cmdlet.session(), out);
            }
            case AccessIntent intent -> {
                out.varLong(INTENT);
                header(intent.time(), intent.actor(), out);
                out.text(intent.id());
                access(intent.access(), out);
            }
            case IntentOutcome outcome -> {
                out.varLong(outcome.names().isEmpty() ? OUTCOME : NAMED_OUTCOME);
                header(outcome.time(), outcome.actor(), out);
                session(outcome.session(), out);
                out.text(outcome.intent());
                out.text(outcome.answer());
                if (!outcome.names().isEmpty()) {
                    items(outcome.names(), out);
                }
            }
        }
    }

    private static void access(MailboxAccess access, Output out) {
        out.text(access.mailbox());
        out.text(access.logonType().cmdletName());
        out.text(access.operation().exchangeName());
        out.text(access.accessType() == null ? null : access.accessType().exchangeName());
        session(access.session(), out);
        folder(access.folder(), out);
        folder(access.destFolder(), out);
        items(access.items(), out);
        out.text(access.result().exchangeName());
        out.varLong(access.parameters().size());
        for (NameValue parameter : access.parameters()) {
            out.text(parameter.name());
            out.text(parameter.value());
        }
    }

    private static void items(List<ItemRef> items, Output out) {
        out.varLong(items.size());
        for (ItemRef item : items) {
            out.text(item.internetMessageId());
            out.text(item.id());
            out.varLong(item.sizeInBytes() == null ? 0 : item.sizeInBytes() + 1);
            out.text(item.subject());
        }
    }

    /** Reads one event from {@code bytes[offset, offset + length)}. */
    public static AuditEvent read(byte[] bytes, int offset, int length) throws EventFormatException {
        Input in = new Input(bytes, offset, offset + length);
        try {
            long version = in.varLong();
            if (version != VERSION) {
                throw new EventFormatException(null, "a journal entry of version " + version + ", not " + VERSION);
            }
            long kind = in.varLong();
            Instant time = Instant.ofEpochSecond(zigzag(in.varLong()), in.varLong());
            String actor = in.text();
            AuditEvent event;
            if (kind == CMDLET) {
                event = new CmdletInvocation(time, actor, in.text(), session(in));
            } else if (kind == ACCESS) {
                event = access(in, time, actor);
            } else if (kind == INTENT) {
                String id = in.text();
                event = new AccessIntent(id, access(in, time, actor));
            } else if (kind == OUTCOME || kind == NAMED_OUTCOME) {
                Session session = session(in);
                String intent = in.text();
                String answer = in.text();
                event = new IntentOutcome(
                        time, actor, session, intent, answer, kind == OUTCOME ? List.of() : items(in));
            } else {
                throw new EventFormatException(null, "a journal entry of unknown kind " + kind);
            }
            if (in.at != in.end) {
                throw new EventFormatException(null, (in.end - in.at) + " bytes after the event");
            }
            return event;
        } catch (IllegalArgumentException
                | NullPointerException
                | java.time.DateTimeException
                | ArithmeticException e) {
            throw new EventFormatException(null, "a journal entry that is not an event: " + e.getMessage());
        }
    }

    private static MailboxAccess access(Input in, Instant time, String actor) throws EventFormatException {
        String mailbox = in.text();
        LogonType logonType = in.named(LogonType::parse, "logonType");
        MailboxAction operation = in.named(MailboxAction::parse, "operation");
        MailAccessType accessType = in.optionalNamed(MailAccessType::parse, "accessType");
        Session session = session(in);
        FolderRef folder = folder(in);
        FolderRef destFolder = folder(in);
        List<ItemRef> items = items(in);
        ResultStatus result = in.named(ResultStatus::parse, "result");
        int parameterCount = in.count();
        List<NameValue> parameters = new ArrayList<>(parameterCount);
        for (int i = 0; i < parameterCount; i++) {
            parameters.add(new NameValue(in.text(), in.text()));
        }
        return new MailboxAccess(
                time,
                actor,
                mailbox,
                logonType,
                operation,
                accessType,
                session,
                folder,
                destFolder,
                items,
                result,
                parameters);
    }

    private static List<ItemRef> items(Input in) throws EventFormatException {
        int count = in.count();
        List<ItemRef> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String messageId = in.text();
            String id = in.text();
            long size = in.varLong();
            items.add(new ItemRef(messageId, id, size == 0 ? null : size - 1, in.text()));
        }
        return items;
    }

    private static void header(Instant time, String actor, Output out) {
        long seconds = time.getEpochSecond();
        out.varLong((seconds << 1) ^ (seconds >> 63));
        out.varLong(time.getNano());
        out.text(actor);
    }

    private static long zigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static void session(Session session, Output out) {
        out.text(session.id());
        out.text(session.clientIp());
        out.text(session.clientInfo());
        out.text(session.appId());
    }

    private static Session session(Input in) {
        Session session = new Session(in.text(), in.text(), in.text(), in.text());
        return session.equals(Session.NONE) ? Session.NONE : session;
    }

    private static void folder(FolderRef folder, Output out) {
        out.writeByte(folder == null ? 0 : 1);
        if (folder != null) {
            out.text(folder.id());
            out.text(folder.path());
        }
    }

    private static FolderRef folder(Input in) {
        return in.next() == 0 ? null : new FolderRef(in.text(), in.text());
    }

    private static final class Input {
        private final byte[] bytes;
        private final int end;
        private int at;

        Input(byte[] bytes, int at, int end) {
            this.bytes = bytes;
            this.at = at;
            this.end = end;
        }

        byte next() {
            if (at >= end) {
                throw new IllegalArgumentException("the entry ends inside its event");
            }
            return bytes[at++];
        }

        long varLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a number longer than 64 bits");
        }

        int count() {
            long count = varLong();
            // a varint of ten bytes is negative as a long: it counts more than any entry holds
            if (count < 0 || count > end - at) {
                throw new IllegalArgumentException("a count of " + count + " with " + (end - at) + " bytes left");
            }
            return (int) count;
        }

        String text() {
            long length = varLong();
            if (length == 0) {
                return null;
            }
            if (length < 0 || length - 1 > end - at) {
                throw new IllegalArgumentException("a text of " + (length - 1) + " bytes with " + (end - at) + " left");
            }
            String text = new String(bytes, at, (int) length - 1, StandardCharsets.UTF_8);
            at += (int) length - 1;
            return text;
        }

        <T> T named(Function<String, java.util.Optional<T>> parse, String field) throws EventFormatException {
            T value = optionalNamed(parse, field);
            if (value == null) {
                throw new EventFormatException(field, "missing from a journal entry");
            }
            return value;
        }

        <T> T optionalNamed(Function<String, java.util.Optional<T>> parse, String field) throws EventFormatException {
            String name = text();
            if (name == null) {
                return null;
            }
            return parse.apply(name)
                    .orElseThrow(() -> new EventFormatException(field, "unknown in a journal entry: " + name));
        }
    }
}
