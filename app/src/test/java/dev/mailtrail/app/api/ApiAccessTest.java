package dev.mailtrail.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over HTTPS on a loopback port: who gets in, who is refused and why, sessions, CSRF, lock-out, headers. */
class ApiAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture(data);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void healthNeedsNoSignIn() throws Exception {
        HttpResponse<String> health = api.get("/api/v1/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> answer : java.util.List.of(
                api.get("/api/v1/health", null), api.get("/metrics", null), api.get("/nowhere", null))) {
            var h = answer.headers();
            assertThat(h.firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(h.firstValue("Strict-Transport-Security").orElseThrow()).startsWith("max-age=");
            assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }

    @Test
    void metricsNeedTheMonitoringRole() throws Exception {
        HttpResponse<String> anonymous = api.get("/metrics", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(JSON.readTree(anonymous.body()).get("error").asText()).isEqualTo("unauthenticated");

        HttpResponse<String> sensor = api.get("/metrics", api.tokens.get("Sensor"));
        assertThat(sensor.statusCode()).isEqualTo(403);
        JsonNode refusal = JSON.readTree(sensor.body());
        assertThat(refusal.get("error").asText()).isEqualTo("forbidden");
        assertThat(refusal.get("message").asText()).contains("\"Monitoring\"").contains("has: Sensor");

        HttpResponse<String> monitor = api.get("/metrics", api.tokens.get("Monitoring"));
        assertThat(monitor.statusCode()).isEqualTo(200);
        assertThat(monitor.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(monitor.body()).contains("mailtrail_up 1");
    }

    @Test
    void anUnknownTokenIsRefusedAsSuch() throws Exception {
        HttpResponse<String> answer = api.get("/metrics", "mt_000000000000_notatoken");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void onlyASensorMayPostEvents() throws Exception {
        for (String role :
                java.util.List.of("Audit Logs", "View-Only Audit Logs", "Audit Configuration", "Monitoring")) {
            HttpResponse<String> refused = api.postEvents("", api.tokens.get(role), EventsEndpointTest.login(1), null);
            assertThat(refused.statusCode()).as(role).isEqualTo(403);
            assertThat(refused.body()).contains("\"Sensor\"");
        }
        assertThat(api.postEvents("", null, EventsEndpointTest.login(1), null).statusCode())
                .isEqualTo(401);
        assertThat(api.postEvents("", api.tokens.get("Sensor"), EventsEndpointTest.login(1), null)
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void aSignedInAccountIsTheSessionsPrincipal() throws Exception {
        HttpResponse<String> signedIn = api.signIn("viewer", ApiFixture.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("mt_session=")
                .contains("HttpOnly")
                .contains("Secure")
                .contains("SameSite=Strict");
        JsonNode who = JSON.readTree(signedIn.body());
        assertThat(who.get("roles").toString()).isEqualTo("[\"View-Only Audit Logs\"]");
        assertThat(who.get("scope").toString()).isEqualTo("[\"alice@contoso.com\"]");
        assertThat(who.get("csrfToken").asText()).isNotEmpty();

        HttpResponse<String> me = api.send(api.request("/api/v1/session")
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .GET()
                .build());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("user").asText()).isEqualTo("viewer");
        assertThat(JSON.readTree(me.body()).get("csrfToken").asText())
                .isEqualTo(who.get("csrfToken").asText());
    }

    @Test
    void aChangeWithTheCookieButWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> signedIn = api.signIn("auditor", ApiFixture.PASSWORD);
        String cookie =
                signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(signedIn.body()).get("csrfToken").asText();

        HttpResponse<String> forged = api.send(
                api.request("/api/v1/session").header("Cookie", cookie).DELETE().build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("error").asText()).isEqualTo("csrf");
        HttpResponse<String> wrong = api.send(api.request("/api/v1/session")
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf + "x")
                .DELETE()
                .build());
        assertThat(wrong.statusCode()).isEqualTo(403);

        HttpResponse<String> signedOut = api.send(api.request("/api/v1/session")
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .DELETE()
                .build());
        assertThat(signedOut.statusCode()).isEqualTo(200);
        HttpResponse<String> after = api.send(
                api.request("/api/v1/session").header("Cookie", cookie).GET().build());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(after.body()).get("error").asText()).isEqualTo("session_expired");
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresLockTheAccount() throws Exception {
        HttpResponse<String> wrong = api.signIn("configurer", "guess");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("invalid_credentials");
        for (int i = 1; i < dev.mailtrail.app.api.access.LoginGuard.LIMIT; i++) {
            api.signIn("configurer", "guess" + i);
        }
        HttpResponse<String> locked = api.signIn("configurer", ApiFixture.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(locked.body()).get("error").asText()).isEqualTo("locked_out");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();

        api.clock.advance(dev.mailtrail.app.api.access.LoginGuard.LOCKOUT.plus(Duration.ofSeconds(1)));
        assertThat(api.signIn("configurer", ApiFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void signInAsksForJson() throws Exception {
        HttpResponse<String> form = api.send(api.request("/api/v1/session")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=auditor&password=x"))
                .build());
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void unknownPathsAndMethodsAreNamed() throws Exception {
        HttpResponse<String> missing = api.get("/api/v1/nothing", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/api/v1/nothing");
        HttpResponse<String> method =
                api.send(api.request("/api/v1/events").GET().build());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValue("POST");
    }
}
