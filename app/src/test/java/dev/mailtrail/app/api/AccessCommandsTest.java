package dev.mailtrail.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.Mt;
import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.AccessList;
import dev.mailtrail.app.api.access.ManagementScope;
import dev.mailtrail.app.api.access.PasswordHash;
import dev.mailtrail.app.api.access.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mt account} and {@code mt token}: what they store, how, and what they refuse. */
class AccessCommandsTest {
    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int mt(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            out.reset();
            err.reset();
            return Mt.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void anAccountIsStoredWithAnArgon2idHashItsRolesAndScopeInAPrivateFile() throws Exception {
        int status = mt(
                "a long enough password\n",
                "account",
                "add",
                "responder",
                "--role",
                "View-Only Audit Logs",
                "--role",
                "audit logs",
                "--scope",
                "alice@contoso.com,Bob@Contoso.com",
                "--data",
                data.toString());
        assertThat(status).as(err.toString()).isZero();

        AccessList list = new AccessFile(data).current();
        var account = list.account("responder").orElseThrow();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.VIEW_ONLY_AUDIT_LOGS, Role.AUDIT_LOGS);
        assertThat(account.scope()).isEqualTo(new ManagementScope(Set.of("alice@contoso.com", "bob@contoso.com")));
        assertThat(account.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHash.matches("a long enough password".toCharArray(), account.passwordHash()))
                .isTrue();
        assertThat(PasswordHash.matches("another password".toCharArray(), account.passwordHash()))
                .isFalse();
        Path file = data.resolve(AccessFile.NAME);
        assertThat(Files.readString(file)).doesNotContain("a long enough password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        assertThat(mt("", "account", "list", "--data", data.toString())).isZero();
        assertThat(out.toString()).contains("responder").contains("Audit Logs").contains("alice@contoso.com");
        assertThat(mt("", "account", "remove", "responder", "--data", data.toString()))
                .isZero();
        assertThat(new AccessFile(data).current().accounts()).isEmpty();
        assertThat(mt("", "account", "remove", "responder", "--data", data.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no account responder");
    }

    @Test
    void anUnknownRoleOrAShortPasswordChangesNothing() throws Exception {
        assertThat(mt(
                        "a long enough password\n",
                        "account",
                        "add",
                        "x",
                        "--role",
                        "Auditors",
                        "--data",
                        data.toString()))
                .isNotZero();
        assertThat(err.toString()).contains("unknown role \"Auditors\"").contains("\"View-Only Audit Logs\"");
        assertThat(mt("short\n", "account", "add", "x", "--role", "Audit Logs", "--data", data.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("at least 12 characters");
        assertThat(data.resolve(AccessFile.NAME)).doesNotExist();
    }

    @Test
    void aTokenIsPrintedOnceAndStoredAsItsHash() throws Exception {
        assertThat(mt("", "token", "add", "dovecot-1", "--role", "Sensor", "--data", data.toString()))
                .isZero();
        String bearer = out.toString().strip();
        assertThat(bearer).startsWith("mt_");
        assertThat(Files.readString(data.resolve(AccessFile.NAME))).doesNotContain(bearer.substring(16));
        var token = new AccessFile(data).current().token(bearer).orElseThrow();
        assertThat(token.name()).isEqualTo("dovecot-1");
        assertThat(token.roles()).containsExactly(Role.SENSOR);
        assertThat(new AccessFile(data).current().token(bearer + "x")).isEmpty();

        assertThat(mt("", "token", "list", "--data", data.toString())).isZero();
        assertThat(out.toString()).contains("dovecot-1").doesNotContain(bearer);
        assertThat(mt("", "token", "remove", "dovecot-1", "--data", data.toString()))
                .isZero();
        assertThat(new AccessFile(data).current().token(bearer)).isEmpty();
    }
}
