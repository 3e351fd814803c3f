package dev.mailtrail.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/events} over HTTPS into a real pipeline: durable, idempotent, line-precise about bad events. */
class EventsEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIT_LOGINS = "{\"time\":\"2026-12-01T09:00:00Z\",\"kind\":\"cmdlet\","
            + "\"actor\":\"admin@contoso.com\",\"command\":\"Set-Mailbox -Identity alice@contoso.com -AuditOwner"
            + " @{Add=\\\"MailboxLogin\\\"}\"}\n";

    @TempDir
    Path data;

    ApiFixture api;
    String sensor;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(data);
        sensor = api.tokens.get("Sensor");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    /** {@code n} MailboxLogin events of alice, a second apart, in distinct sessions. */
    static String login(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> "{\"time\":\"2026-12-01T09:0" + (i / 60) + ":" + String.format("%02d", i % 60)
                        + "Z\",\"kind\":\"access\",\"actor\":\"alice@contoso.com\",\"mailbox\":\"alice@contoso.com\","
                        + "\"logonType\":\"Owner\",\"operation\":\"MailboxLogin\",\"session\":{\"id\":\"s" + i
                        + "\",\"clientIp\":\"203.0.113.66\",\"clientInfo\":\"Client=IMAP4\"}}")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void aPostedEventBecomesAStoredRecord() throws Exception {
        HttpResponse<String> posted = api.postEvents("", sensor, AUDIT_LOGINS + login(1), null);
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(posted.body()).get("accepted").asInt()).isEqualTo(2);

        List<FoundRecord> logins = records("MailboxLogin");
        assertThat(logins).hasSize(1);
        assertThat(logins.getFirst().userId()).isEqualTo("alice@contoso.com");
        assertThat(logins.getFirst().auditData()).contains("203.0.113.66");
        // the post itself is on record: who posted how many events, from where
        List<FoundRecord> posts = records("Add-MailTrailApiEvents");
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().userId()).isEqualTo("Sensor");
        assertThat(posts.getFirst().auditData()).contains("127.0.0.1").contains("\"Events\"");
    }

    @Test
    void aJsonArrayIsTakenAsWell() throws Exception {
        String array = "[" + String.join(",", login(3).strip().split("\n")) + "]";
        HttpResponse<String> posted = api.postEvents("", sensor, array, null);
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(posted.body()).get("accepted").asInt()).isEqualTo(3);
    }

    @Test
    void aRetriedBatchIsStoredOnceEvenAfterARestart() throws Exception {
        String batch = AUDIT_LOGINS + login(3);
        HttpResponse<String> first = api.postEvents("", sensor, batch, "batch-0001");
        HttpResponse<String> retry = api.postEvents("", sensor, batch, "batch-0001");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");

        api.restart();
        HttpResponse<String> afterRestart = api.postEvents("", sensor, batch, "batch-0001");
        assertThat(afterRestart.statusCode()).isEqualTo(202);
        assertThat(afterRestart.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(records("MailboxLogin")).hasSize(3);
        assertThat(records("Add-MailTrailApiEvents")).hasSize(1);

        HttpResponse<String> reused = api.postEvents("", sensor, login(1), "batch-0001");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(reused.body()).get("error").asText()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void badLinesAreNamedByLineAndFieldAndTheGoodOnesKept() throws Exception {
        String[] good = login(2).split("\n");
        String batch = good[0] + "\n" + good[0].replace("2026-12-01T09:00:00Z", "yesterday") + "\n" + "{not json\n"
                + good[1] + "\n";
        HttpResponse<String> posted = api.postEvents("", sensor, batch, null);
        assertThat(posted.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(posted.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected")).hasSize(2);
        assertThat(answer.get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected").get(0).get("field").asText()).isEqualTo("time");
        assertThat(answer.get("rejected").get(1).get("line").asInt()).isEqualTo(3);
        assertThat(answer.get("rejected").get(1).get("message").asText()).contains("not valid JSON");
    }

    @Test
    void anAtomicBatchWithABadLineIsRefusedWhole() throws Exception {
        String[] good = login(2).split("\n");
        String batch = AUDIT_LOGINS + good[0] + "\n" + good[1].replace("\"Owner\"", "\"Visitor\"") + "\n";
        HttpResponse<String> refused = api.postEvents("?atomic=true", sensor, batch, null);
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode answer = JSON.readTree(refused.body());
        assertThat(answer.get("error").asText()).isEqualTo("invalid_events");
        assertThat(answer.get("details").get("rejected").get(0).get("line").asInt())
                .isEqualTo(3);
        assertThat(answer.get("details").get("rejected").get(0).get("field").asText())
                .isEqualTo("logonType");
        assertThat(records("MailboxLogin")).isEmpty();
        assertThat(records("Set-Mailbox")).isEmpty();
    }

    @Test
    void aSensorLimitedToSomeMailboxesPostsForThoseOnly() throws Exception {
        String bob = login(1).replace("alice@contoso.com", "bob@contoso.com");
        HttpResponse<String> posted =
                api.postEvents("", api.tokens.get("alice-sensor"), login(1) + bob + AUDIT_LOGINS, null);
        assertThat(posted.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(posted.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected").get(0).get("field").asText()).isEqualTo("mailbox");
        assertThat(answer.get("rejected").get(0).get("message").asText()).contains("management scope");
        assertThat(answer.get("rejected").get(1).get("field").asText()).isEqualTo("kind");
    }

    @Test
    void aBodyThatIsNoBatchIsABadRequest() throws Exception {
        assertThat(api.postEvents("", sensor, "", null).statusCode()).isEqualTo(400);
        assertThat(api.postEvents("", sensor, "[{\"time\":", null).statusCode()).isEqualTo(400);
        assertThat(api.postEvents("?atomic=maybe", sensor, login(1), null).statusCode())
                .isEqualTo(400);
        assertThat(api.postEvents("", sensor, login(1), "bad key").statusCode()).isEqualTo(400);
    }

    @Test
    void signInsAreRecordedSucceededOrNot() throws Exception {
        api.signIn("auditor", "wrong");
        api.signIn("auditor", ApiFixture.PASSWORD);
        List<FoundRecord> signIns = records("New-MailTrailApiSession");
        assertThat(signIns).hasSize(2);
        assertThat(signIns).allSatisfy(r -> assertThat(r.userId()).isEqualTo("auditor"));
        assertThat(signIns.stream().map(FoundRecord::auditData).filter(d -> d.contains("\"ResultStatus\":\"False\"")))
                .hasSize(1);
    }

    private List<FoundRecord> records(String operation) throws Exception {
        api.pipeline.commit();
        List<FoundRecord> found = new ArrayList<>();
        api.pipeline
                .unifiedLog()
                .search(
                        RecordQuery.between(
                                ApiFixture.START.minus(Duration.ofDays(1)), ApiFixture.START.plus(Duration.ofDays(1))),
                        10_000,
                        r -> {
                            if (r.operation().equals(operation)) {
                                found.add(r);
                            }
                            return true;
                        });
        return found;
    }
}
