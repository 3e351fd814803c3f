package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An older Entra ID UserLoggedIn whose ClientIP carries the source port ({@code 203.0.113.10:8085}) while
 * ActorIpAddress does not, with three Actor entries (object id, UPN, PUID): the shape of
 * SEKOIA-IO/intake-formats {@code Office 365/o365/tests/user_logged_in.json}. By hand: alice@contoso.com signed
 * in from 203.0.113.10 at 08:15:52.
 */
class UserLoggedInPortRealShapeTest {
    private static final String FIXTURE = "sekoia-userloggedin-port.jsonl";

    @Test
    void theSignInIsFoundByTheAddressWithoutItsPort() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);
        Scope scope = imported.scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));

        assertThat(imported.rejects).isEmpty();
        assertThat(scope.actions(AttackerAction.Kind.SIGN_IN)).singleElement().satisfies(signIn -> {
            assertThat(signIn.time()).isEqualTo(Instant.parse("2026-03-04T08:15:52Z"));
            assertThat(signIn.access().ip()).isEqualTo("203.0.113.10");
        });
    }
}
