package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.proxy.session.AuditEventSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The strict release gate under intents (docs/decisions/0011), driven through the proxy's own {@link ResponseHold},
 * {@link ClientRelease} and {@link AckingSink} over random interleavings of commands (reads and deletes, most with an
 * intent, some without), server pieces, acknowledgements (the journal's durable prefix grows) and crashes: whenever
 * the process may die, every message of which the client received a byte, and every delete the client was told of,
 * has a record once the durable journal is replayed into the audit core and its open intents are resolved. When everything is acknowledged, the client has the server's
 * bytes, whole and in order.
 */
class IntentReleasePropertyTest {

    private static final Pattern MESSAGE = Pattern.compile("\\[m(\\d+)]");
    private static final Pattern DELETED = Pattern.compile("\\[([xd])(\\d+)]");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Session SESSION = new Session("s", "192.0.2.1", "Client=IMAP4", null);
    private static final FolderRef INBOX = new FolderRef("alice/INBOX;uidvalidity=1", "\\Inbox");

    @Property(tries = 300)
    void everyByteTheClientReceivedIsCoveredByADurableIntentOrRead(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Run run = new Run();
        int commands = 1 + random.nextInt(8);
        for (int m = 1; m <= commands; m++) {
            if (random.nextInt(4) == 0) {
                run.delete(m, random.nextInt(5) != 0);
            } else {
                run.command(m, random.nextInt(5) != 0, 1 + random.nextInt(4));
            }
        }
        while (run.serverHasMore() || run.journal.unacknowledged() > 0 || run.events.hasDeferred()) {
            int step = random.nextInt(10);
            if (step < 5 && run.serverHasMore()) {
                run.serverPiece();
            } else if (step < 8) {
                run.journal.acknowledge(random.nextInt(3));
            } else if (step == 8) {
                run.events.flushDeferred(); // the relay's short timer
            } else {
                run.endOfRead();
            }
            run.settle();
            run.crashCheck();
        }
        run.endOfRead();
        run.events.flushDeferred();
        run.journal.acknowledge(Integer.MAX_VALUE);
        run.settle();
        run.crashCheck();
        assertThat(run.received())
                .as("the client gets the server's bytes, in order")
                .isEqualTo(run.sent());
    }

    @Test
    void aResponseUnderADurableIntentGoesOutBeforeItsReadIsDurable() {
        Run run = new Run();
        run.command(1, true, 3);
        run.journal.acknowledge(1); // the intent
        while (run.serverHasMore()) {
            run.serverPiece();
        }
        run.settle();
        run.events.flushDeferred();
        assertThat(run.journal.unacknowledged()).as("the read and the outcome").isPositive();
        assertThat(run.received()).contains("[m1]").endsWith("[t1]\r\n");
    }

    @Test
    void aResponseWaitsForItsIntent() {
        Run run = new Run();
        run.command(1, true, 3);
        while (run.serverHasMore()) {
            run.serverPiece();
            run.endOfRead();
        }
        run.settle();
        assertThat(run.received()).isEmpty();
        run.journal.acknowledge(1);
        run.settle();
        assertThat(run.received()).isEqualTo(run.sent());
    }

    /** A journal whose durable part is a prefix of what was submitted, grown by {@link #acknowledge}. */
    static final class Journal implements AuditEventSink {
        final List<AuditEvent> submitted = new ArrayList<>();
        final List<CompletableFuture<Void>> acks = new ArrayList<>();
        int durable;

        @Override
        public CompletionStage<?> submit(AuditEvent event) {
            submitted.add(event);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            return ack;
        }

        void acknowledge(int n) {
            int until = (int) Math.min((long) durable + n, acks.size());
            while (durable < until) {
                acks.get(durable++).complete(null);
            }
        }

        int unacknowledged() {
            return acks.size() - durable;
        }
    }

    /** One session: what the server will send, the proxy's release path, and the client's channel. */
    static final class Run {
        final Journal journal = new Journal();
        final AckingSink events = new AckingSink(journal, new InFlight());
        final EmbeddedChannel client = new EmbeddedChannel();
        final ClientRelease release = new ClientRelease(client, e -> {}, () -> {});
        final Fake protocol = new Fake(events);
        final ResponseHold hold = new ResponseHold(protocol, release, events, true, 1 << 20);
        final ArrayDeque<Piece> toSend = new ArrayDeque<>();
        final StringBuilder sent = new StringBuilder();
        final StringBuilder received = new StringBuilder();

        void command(int m, boolean intent, int chunks) {
            String id = "s/" + m;
            if (intent) {
                events.intent(new AccessIntent(id, read(T0.plusSeconds(m), m)));
            }
            toSend.add(new Piece("[m" + m + "]FETCH\r\n", true, false, m, null, false));
            for (int i = 0; i < chunks; i++) {
                toSend.add(new Piece("[m" + m + "]body" + i, false, false, m, null, false));
            }
            toSend.add(new Piece("[m" + m + "])\r\n", true, true, m, null, false));
            toSend.add(new Piece("[t" + m + "]\r\n", true, true, m, intent ? id : "", false));
        }

        /**
         * An EXPUNGE of message {@code m}: its intent (if any) when it reaches the proxy, then the server's {@code * n
         * EXPUNGE} (which waits for the intent, as the IMAP relay makes it) and the tagged answer, whose HardDelete and
         * outcome the protocol emits.
         */
        void delete(int m, boolean intent) {
            String id = "s/" + m;
            if (intent) {
                events.intent(new AccessIntent(id, hardDelete(T0.plusSeconds(m), m)));
            }
            toSend.add(new Piece("[x" + m + "]EXPUNGE\r\n", true, true, m, intent ? id : "", true));
            toSend.add(new Piece("[d" + m + "]\r\n", true, true, m, intent ? id : "", true));
            if (intent) {
                covered.add((long) m);
            }
        }

        /** Deletes announced by an intent: their untagged answer counts as a delete the client was told of. */
        final Set<Long> covered = new HashSet<>();

        boolean serverHasMore() {
            return !toSend.isEmpty();
        }

        void serverPiece() {
            Piece p = toSend.poll();
            sent.append(p.text());
            protocol.next = p;
            hold.piece(Unpooled.copiedBuffer(p.text(), StandardCharsets.US_ASCII), p.endsLine());
        }

        void endOfRead() {
            hold.endOfRead();
        }

        void settle() {
            client.runPendingTasks();
            client.flush();
            ByteBuf out;
            while ((out = client.readOutbound()) != null) {
                received.append(out.toString(StandardCharsets.US_ASCII));
                out.release();
            }
        }

        String sent() {
            return sent.toString();
        }

        String received() {
            return received.toString();
        }

        /** The process dies now: what the durable journal makes, open intents resolved, covers what went out. */
        void crashCheck() {
            ReplayClock clock = new ReplayClock(T0);
            List<AuditRecord> records = new ArrayList<>();
            RecordGenerator core = new RecordGenerator(
                    new AuditConfiguration(OrganizationConfig.defaults()), clock, records::add, () -> "id");
            for (AuditEvent e : journal.submitted.subList(0, journal.durable)) {
                clock.advanceTo(e.time());
                core.accept(e);
            }
            core.resolveIntents("crash");
            core.flush();
            Set<String> recorded = new HashSet<>();
            records.stream().filter(r -> r.folders() != null).forEach(r -> r.folders()
                    .forEach(f -> f.folderItems().forEach(i -> recorded.add(i.id()))));
            Set<String> deleted = new HashSet<>();
            records.stream().filter(r -> r.operation().equals("HardDelete")).forEach(r -> r.affectedItems()
                    .forEach(i -> deleted.add(i.id())));
            Matcher told = DELETED.matcher(received);
            while (told.find()) {
                long m = Long.parseLong(told.group(2));
                if (told.group(1).equals("d") || covered.contains(m)) {
                    assertThat(deleted)
                            .as("the client was told message %s was deleted; durable: %s", m, journal.durable)
                            .contains(itemId(m));
                }
            }
            Matcher seen = MESSAGE.matcher(received);
            while (seen.find()) {
                assertThat(recorded)
                        .as("message %s reached the client; durable: %s", seen.group(1), journal.durable)
                        .contains(itemId(Long.parseLong(seen.group(1))));
            }
        }
    }

    /** A piece of server output; the last of a FETCH emits its read, a tagged line its intent's outcome. */
    record Piece(String text, boolean endsLine, boolean last, long message, String outcomeOf, boolean delete) {}

    /** The protocol as the relay sees it: where responses end, what they reveal, which intent covers them. */
    static final class Fake extends ProtocolHooks {
        final AckingSink events;
        Piece next;
        boolean atStart = true;

        Fake(AckingSink events) {
            this.events = events;
        }

        @Override
        boolean serverAtResponseStart() {
            return atStart;
        }

        @Override
        void scanServerPiece(ByteBuf piece) {
            atStart = next.last();
            if (next.delete()) {
                scanDelete();
            } else if (next.last() && next.outcomeOf() == null) {
                events.accept(read(T0.plusSeconds(next.message()), next.message()));
            } else if (next.last() && !next.outcomeOf().isEmpty()) {
                events.outcome(new IntentOutcome(T0, "alice", SESSION, next.outcomeOf(), "OK"));
            }
        }

        /** As the IMAP relay: what the server says while a delete is under way waits for its intent. */
        private void scanDelete() {
            if (!next.outcomeOf().isEmpty()) {
                events.awaitIntent(next.outcomeOf());
            }
            if (next.text().startsWith("[d")) {
                events.accept(hardDelete(T0.plusSeconds(next.message()), next.message()));
                if (!next.outcomeOf().isEmpty()) {
                    events.outcome(new IntentOutcome(T0, "alice", SESSION, next.outcomeOf(), "OK"));
                }
            }
        }

        @Override
        CompletableFuture<?> intentCovering() {
            return next.outcomeOf() == null ? events.intentCovering(itemId(next.message())) : null;
        }

        @Override
        void sessionStarted() {}

        @Override
        boolean clientAtLineStart() {
            return true;
        }

        @Override
        void clientPiece(ByteBuf piece, boolean startsLine) {}

        @Override
        void greetingSeen() {}

        @Override
        String upstreamStartTlsCommand() {
            return "";
        }

        @Override
        Boolean upstreamStartTlsAnswer(String line) {
            return Boolean.TRUE;
        }

        @Override
        String unavailable(String why) {
            return why;
        }

        @Override
        boolean loggedIn() {
            return true;
        }

        @Override
        boolean serverSaidGoodbye() {
            return false;
        }

        @Override
        boolean awaitingServer() {
            return false;
        }

        @Override
        void sessionEnded() {}
    }

    static String itemId(long message) {
        return INBOX.id() + ";uid=" + message;
    }

    static MailboxAccess hardDelete(Instant at, long message) {
        MailboxAccess read = read(at, message);
        return new MailboxAccess(
                at,
                read.actor(),
                read.mailbox(),
                read.logonType(),
                MailboxAction.HARD_DELETE,
                null,
                read.session(),
                read.folder(),
                null,
                read.items(),
                null,
                null);
    }

    static MailboxAccess read(Instant at, long message) {
        return new MailboxAccess(
                at,
                "alice",
                "alice",
                LogonType.OWNER,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                SESSION,
                INBOX,
                null,
                List.of(new ItemRef(null, itemId(message), null, null)),
                null,
                null);
    }
}
