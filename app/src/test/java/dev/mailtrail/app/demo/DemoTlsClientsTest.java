package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetchmail and offlineimap, which check the server's name against the certificate's DNS names only, against the
 * demo over implicit TLS with verification on: by the name the banner gives, {@code localhost}, both work; by
 * {@code 127.0.0.1} fetchmail refuses the certificate, which is why the banner says {@code localhost}.
 */
class DemoTlsClientsTest {

    @TempDir
    Path dir;

    @Test
    void fetchmailAndOfflineimapVerifyTheDemoCertificateByTheBannersName() throws Exception {
        Path data = dir.resolve("data");
        RunningDemo demo = RunningDemo.start(DemoRun.onFreePorts(data, DemoBackend.GREENMAIL), Clock.systemUTC());
        try {
            String cert = demo.certificate().certificate().toAbsolutePath().toString();
            assertThat(DemoBanner.render(demo)).contains("Connect a mail client to localhost");

            Path mbox = dir.resolve("fetched.mbox");
            DemoRun.shell(
                    dir,
                    "fetchmail -f " + fetchmailrc("localhost", demo.port("imaps"), cert, mbox) + " --nodetach -i "
                            + dir.resolve("ids"));
            assertThat(Files.readString(mbox)).contains("Message-ID: <");
            assertThatThrownBy(() -> DemoRun.shell(
                            dir,
                            "fetchmail -f " + fetchmailrc("127.0.0.1", demo.port("imaps"), cert, mbox)
                                    + " --nodetach -i " + dir.resolve("ids2")))
                    .hasMessageContaining("certificate");

            Path rc = dir.resolve("offlineimaprc");
            Files.writeString(rc, """
                    [general]
                    accounts = bob
                    metadata = %1$s/meta
                    ui = quiet

                    [Account bob]
                    localrepository = local
                    remoterepository = remote

                    [Repository local]
                    type = Maildir
                    localfolders = %1$s/mail

                    [Repository remote]
                    type = IMAP
                    remotehost = localhost
                    remoteport = %2$d
                    remoteuser = bob@demo.test
                    remotepass = demo
                    ssl = yes
                    sslcacertfile = %3$s
                    readonly = True
                    """.formatted(dir, demo.port("imaps"), cert));
            DemoRun.shell(dir, "offlineimap -c " + rc + " -o -u quiet");
            try (var files = Files.walk(dir.resolve("mail"))) {
                assertThat(files.filter(Files::isRegularFile).count()).isPositive();
            }
        } finally {
            demo.close();
        }
        assertThat(DemoRun.mailItemsAccessed(data, "alice@demo.test")).isNotEmpty();
        assertThat(DemoRun.mailItemsAccessed(data, "bob@demo.test")).isNotEmpty();
    }

    private String fetchmailrc(String host, int port, String cert, Path mbox) throws Exception {
        Path rc = Files.createTempFile(dir, "fetchmailrc", "");
        Files.writeString(rc, """
                set no syslog
                poll %s service %d protocol IMAP auth password
                  user "alice@demo.test" there with password "demo" is "alice" here
                  keep
                  ssl sslcertck sslcertfile "%s"
                  mda "/bin/sh -c 'cat >> %s'"
                """.formatted(host, port, cert, mbox));
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        return rc.toString();
    }
}
