package dev.mailtrail.sensor.dovecot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.sensor.dovecot.event.DovecotEventReader;
import dev.mailtrail.sensor.dovecot.map.DovecotEventMapper;
import dev.mailtrail.sensor.dovecot.map.MappedAccess;
import dev.mailtrail.sensor.dovecot.map.MappingRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which reads the native sensor sees, measured on the real Dovecot: each FETCH form on a message of its own, then
 * which messages the mapper records a MailItemsAccessed for. The table in docs/dovecot-native-sensor.md is this
 * test's outcome ({@code target/read-coverage.txt}).
 */
class DovecotReadCoverageTest {

    @TempDir
    Path dir;

    /** FETCH items by the UID they are fetched from (each message fresh, except where a form repeats one). */
    private static final Map<Long, String> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put(1L, "BODY[]");
        FORMS.put(2L, "BODY.PEEK[TEXT]");
        FORMS.put(3L, "BODY.PEEK[]<0.10>");
        FORMS.put(4L, "BODY.PEEK[1]");
        FORMS.put(5L, "BINARY.PEEK[1]");
        FORMS.put(6L, "RFC822");
        FORMS.put(7L, "RFC822.TEXT");
        FORMS.put(8L, "RFC822.HEADER");
        FORMS.put(9L, "BODY.PEEK[HEADER]");
        FORMS.put(10L, "SNIPPET (LAZY=FUZZY)");
        FORMS.put(11L, "ENVELOPE");
        FORMS.put(12L, "BODYSTRUCTURE");
        FORMS.put(13L, "RFC822.SIZE");
    }

    @Test
    void bodyReadsAreSeenAndHeaderOnlyReadsAreNot() throws Exception {
        List<String> bodies;
        try (EventCollector collector = new EventCollector();
                DovecotInstance dovecot = DovecotInstance.start(
                        dir,
                        null,
                        ExporterConfiguration.posting(collector.url("", "/"), ExporterConfiguration.FILTER))) {
            for (long uid : FORMS.keySet()) {
                dovecot.seed("alice", "INBOX", "Message " + uid, "Text of message " + uid + ".");
            }
            try (ImapLines imap = new ImapLines(dovecot.imapPort())) {
                imap.command("LOGIN alice " + DovecotInstance.PASSWORD);
                imap.command("SELECT INBOX");
                for (var form : FORMS.entrySet()) {
                    imap.command("UID FETCH " + form.getKey() + " (" + form.getValue() + ")");
                }
                // repeated: a second SNIPPET (Dovecot caches it) and a second BODY[] of the same message
                imap.command("UID FETCH 10 (SNIPPET (LAZY=FUZZY))");
                imap.command("NOOP");
                imap.command("UID FETCH 1 (BODY[])");
                imap.command("LOGOUT");
            }
            collector.await(
                    b -> b.contains("mail_user_session_finished") && b.contains("\"alice\""), Duration.ofSeconds(20));
            Thread.sleep(300); // the LOGOUT's own event may come just after the session's end
            bodies = collector.bodies();
        }
        DovecotEventReader reader = new DovecotEventReader();
        DovecotEventMapper mapper = new DovecotEventMapper(MappingRules.DEFAULTS);
        List<MappedAccess> out = new ArrayList<>();
        for (String b : bodies) {
            out.addAll(mapper.map(reader.read(b)));
        }
        out.addAll(mapper.flush());
        List<Long> readUids = out.stream()
                .map(MappedAccess::access)
                .filter(a -> a.operation() == MailboxAction.MAIL_ITEMS_ACCESSED)
                .flatMap(a -> a.items().stream())
                .map(ItemRef::id)
                .map(id -> Long.parseLong(id.substring(id.lastIndexOf("uid=") + 4)))
                .toList();
        StringBuilder table = new StringBuilder();
        for (var form : FORMS.entrySet()) {
            table.append(form.getValue())
                    .append('\t')
                    .append(readUids.contains(form.getKey()) ? "seen" : "not seen")
                    .append('\n');
        }
        table.append("second BODY[] of a message\t")
                .append(readUids.stream().filter(u -> u == 1L).count() == 2 ? "seen" : "not seen")
                .append('\n');
        table.append("second SNIPPET of a message\t")
                .append(readUids.stream().filter(u -> u == 10L).count() == 2 ? "seen" : "not seen")
                .append('\n');
        Files.writeString(Path.of("target", "read-coverage.txt"), table);

        assertThat(new TreeSet<>(readUids)).isEqualTo(new TreeSet<>(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 10L)));
        assertThat(readUids.stream().filter(u -> u == 1L).count())
                .as("a second read is seen again")
                .isEqualTo(2);
    }
}
