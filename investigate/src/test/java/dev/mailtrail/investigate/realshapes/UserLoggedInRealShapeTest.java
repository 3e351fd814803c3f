package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An Entra ID UserLoggedIn (RecordType 15) with ExtendedProperties, an Actor array, DeviceProperties and
 * {@code "ErrorNumber":"0"} as text: the shape of SEKOIA-IO/intake-formats
 * {@code Office 365/o365/tests/user_logged_in_2.json}. By hand: alice@contoso.com signed in to Exchange Online
 * from 203.0.113.10 at 09:02:13.
 */
class UserLoggedInRealShapeTest {
    private static final String FIXTURE = "sekoia-userloggedin.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
    }

    @Test
    void theSignInIsAlicesFromTheAttackersIp() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));

        assertThat(scope.records()).isEqualTo(1);
        assertThat(scope.actions(AttackerAction.Kind.SIGN_IN)).singleElement().satisfies(signIn -> {
            assertThat(signIn.time()).isEqualTo(Instant.parse("2026-03-04T09:02:13Z"));
            assertThat(signIn.access().ip()).isEqualTo("203.0.113.10");
            assertThat(signIn.access().userId()).isEqualTo("alice@contoso.com");
        });
    }
}
