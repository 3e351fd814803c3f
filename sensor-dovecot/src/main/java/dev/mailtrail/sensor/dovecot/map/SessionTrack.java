package dev.mailtrail.sensor.dovecot.map;

import dev.mailtrail.core.action.MailAccessType;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the mapper remembers of one Dovecot session ({@code session} field): who logged in (a master user acts as an
 * admin on the user's mailbox), from where, and the events still waiting for their partner. Dovecot posts each event
 * on its own, so a message's {@code mail_opened} can arrive before or after the {@code imap_command_finished} of the
 * FETCH that opened it; the two meet here, matched by time within the session.
 */
final class SessionTrack {
    /** A message opened for its content, or expunged by a MOVE, not yet matched with its command. */
    record Touch(String user, String mailbox, long uid, Instant start, Instant end) {}

    /** A finished command that later touches may still belong to. */
    record Command(String name, String mailbox, String target, Instant start, Instant end, MailAccessType type) {
        boolean covers(Touch t) {
            return !t.start().isBefore(start) && !t.start().isAfter(end);
        }
    }

    private static final int RECENT = 16;

    final String id;
    String master;
    String service;
    String clientIp;
    Instant lastSeen;
    final List<Touch> opens = new ArrayList<>();
    final List<Touch> pop3Reads = new ArrayList<>();
    final List<Touch> moves = new ArrayList<>();
    private final Deque<Command> recent = new ArrayDeque<>();

    SessionTrack(String id) {
        this.id = id;
    }

    void seen(Instant time) {
        if (lastSeen == null || time.isAfter(lastSeen)) {
            lastSeen = time;
        }
    }

    void finished(Command command) {
        recent.addLast(command);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    /** The finished FETCH or MOVE a late touch belongs to, or null. */
    Command commandOf(Touch touch, boolean move) {
        for (Command c : recent) {
            if (c.covers(touch)
                    && c.name().contains("MOVE") == move
                    && c.mailbox().equals(touch.mailbox())) {
                return c;
            }
        }
        return null;
    }

    /** Takes the held touches of {@code from} that {@code command} covers. */
    static List<Touch> take(List<Touch> from, Command command) {
        List<Touch> taken = new ArrayList<>();
        from.removeIf(t -> {
            if (command.covers(t) && t.mailbox().equals(command.mailbox())) {
                taken.add(t);
                return true;
            }
            return false;
        });
        return taken;
    }

    boolean holdsNothing() {
        return opens.isEmpty() && pop3Reads.isEmpty() && moves.isEmpty();
    }

    String clientInfo() {
        return switch (service == null ? "" : service) {
            case "imap" -> "Client=IMAP4";
            case "pop3" -> "Client=POP3";
            case "submission", "smtp" -> "Client=SMTP";
            case "sieve" -> "Client=ManageSieve";
            case "" -> "Client=Dovecot";
            default -> "Client=" + service;
        };
    }
}
