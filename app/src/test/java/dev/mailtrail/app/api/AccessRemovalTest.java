package dev.mailtrail.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.api.access.AccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running server sees mt account remove and mt token remove at once: no restart, no session that outlives them. */
class AccessRemovalTest {
    @TempDir
    Path data;

    @Test
    void aRemovedAccountsSessionAndARemovedTokenStopWorkingAtOnce() throws Exception {
        try (ApiFixture api = new ApiFixture(data)) {
            HttpResponse<String> signedIn = api.signIn("auditor", ApiFixture.PASSWORD);
            String cookie =
                    signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String monitor = api.tokens.get("Monitoring");
            assertThat(api.send(api.request("/api/v1/session")
                                    .header("Cookie", cookie)
                                    .GET()
                                    .build())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(api.get("/metrics", monitor).statusCode()).isEqualTo(200);

            AccessFile file = new AccessFile(data);
            file.write(file.current().withoutAccount("auditor").withoutToken("Monitoring"));

            HttpResponse<String> session = api.send(api.request("/api/v1/session")
                    .header("Cookie", cookie)
                    .GET()
                    .build());
            assertThat(session.statusCode()).isEqualTo(401);
            assertThat(session.body()).contains("account_removed");
            HttpResponse<String> metrics = api.get("/metrics", monitor);
            assertThat(metrics.statusCode()).isEqualTo(401);
            assertThat(metrics.body()).contains("invalid_token");
        }
    }
}
