package dev.mailtrail.sensor.dovecot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.sensor.dovecot.map.MappingRules;
import dev.mailtrail.sensor.dovecot.name.ItemNamer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry point the API and {@code mt ingest} call, over the real captured events. */
class DovecotSensorTest {

    private static List<String> described(DovecotSensor sensor, List<String> lines) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            DovecotSensor.Accepted a = sensor.accept(body(line));
            assertThat(a.rejects()).isEmpty();
            a.events().forEach(e -> out.add(CapturedEvents.describe((MailboxAccess) e)));
        }
        sensor.flush().forEach(e -> out.add(CapturedEvents.describe((MailboxAccess) e)));
        return out;
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBodyWithABadEventKeepsTheGoodOnesAndNamesTheBadOnesNumberAndField() throws Exception {
        DovecotSensor sensor = new DovecotSensor(MappingRules.DEFAULTS, ItemNamer.UIDS_ONLY);
        List<String> lines = CapturedEvents.lines("imap-delegate.jsonl");
        String body = lines.get(0) + "\n{\"event\":\"mail_opened\"}\n" + lines.get(1) + "\n";

        DovecotSensor.Accepted a = sensor.accept(body(body));

        assertThat(a.events()).hasSize(1);
        assertThat(a.rejects()).containsExactly(new DovecotSensor.Reject(2, "mail_opened: field end_time is missing"));
    }

    @Test
    void theOrderOfPostsDoesNotChangeWhatIsRecorded() throws Exception {
        List<String> arrived = CapturedEvents.lines("imap-owner.jsonl");
        // by start_time: every FETCH before the messages it opened, every expunge before its command finished
        List<String> happened = arrived.stream()
                .sorted(Comparator.comparing(DovecotSensorTest::start))
                .toList();
        assertThat(happened).isNotEqualTo(arrived);

        List<String> asArrived = described(new DovecotSensor(MappingRules.DEFAULTS, ItemNamer.UIDS_ONLY), arrived);
        List<String> asHappened = described(new DovecotSensor(MappingRules.DEFAULTS, ItemNamer.UIDS_ONLY), happened);

        assertThat(asHappened).containsExactlyInAnyOrderElementsOf(asArrived);
    }

    private static String start(String line) {
        int at = line.indexOf("\"start_time\":\"") + 14;
        return line.substring(at, line.indexOf('"', at));
    }

    @Test
    void countsSayWhatWasMappedAndLeft() throws Exception {
        DovecotSensor sensor = new DovecotSensor(MappingRules.DEFAULTS, ItemNamer.UIDS_ONLY);
        described(sensor, CapturedEvents.lines("pop3-and-failed-login.jsonl"));
        assertThat(sensor.counts().mapped())
                .containsEntry("MailboxLogin", 1L)
                .containsEntry("HardDelete", 1L)
                .containsEntry("MailItemsAccessed", 1L);
        assertThat(sensor.counts().ignored()).containsEntry("mail_opened pop3:initialize", 2L);
    }
}
