package dev.mailtrail.proxy.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdentityTest {

    private static String plain(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAuthzidEqualToTheAuthcidIsTheOwner() {
        SaslPlain p = SaslPlain.decode(plain("alice\0alice\0secret")).orElseThrow();
        assertThat(Identity.ofLogin(p.authzid(), p.authcid(), "*"))
                .isEqualTo(new Identity("alice", "alice", LogonType.OWNER));
    }

    @Test
    void aDifferentAuthzidIsAnAdminActingInThatMailbox() {
        SaslPlain p = SaslPlain.decode(plain("alice\0auditor\0secret")).orElseThrow();
        assertThat(Identity.ofLogin(p.authzid(), p.authcid(), "*"))
                .isEqualTo(new Identity("auditor", "alice", LogonType.ADMIN));
    }

    @Test
    void theMasterSeparatorInTheUserNameIsAnAdmin() {
        assertThat(Identity.ofLogin(null, "alice*auditor", "*"))
                .isEqualTo(new Identity("auditor", "alice", LogonType.ADMIN));
        assertThat(Identity.ofLogin(null, "alice*auditor", null))
                .isEqualTo(new Identity("alice*auditor", "alice*auditor", LogonType.OWNER));
    }

    @Test
    void thePasswordNeverLeavesTheDecoder() {
        SaslPlain p = SaslPlain.decode(plain("\0alice\0secret")).orElseThrow();
        assertThat(p.toString()).doesNotContain("secret");
        assertThat(SaslPlain.decode("not base64!")).isEmpty();
    }
}
