package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.Mt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The banner's attacker recipe, run as pasted (bash, curl, Python) against a started demo, then its {@code mt scope}:
 * the scope names what the attacker did from 127.0.0.66, so the recipe cannot rot.
 */
class AttackerRecipeTest {
    /** alice's INBOX UID 2 and 3 in the seeded corpus. */
    private static final String READ_SUBJECT = "Q4 budget review";

    private static final String DELETED_SUBJECT = "Scheduled maintenance on Saturday 7 November";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DemoBackend.class)
    void theScopeNamesTheReadTheRuleTheSendAndTheDeleteFromTheAttackersAddress(DemoBackend backend) throws Exception {
        Path data = dir.resolve("data");
        RunningDemo demo = RunningDemo.start(DemoRun.onFreePorts(data, backend), Clock.systemUTC());
        String banner;
        String printed;
        try {
            banner = DemoBanner.render(demo);
            printed = DemoRun.bash(between(banner, AttackerRecipe.BEGIN, AttackerRecipe.END));
        } finally {
            demo.close(); // flushes the open read windows, as Ctrl-C does
        }
        assertThat(printed).contains("Subject: " + READ_SUBJECT);
        String scopeLine = banner.substring(banner.indexOf(AttackerRecipe.SCOPE_BEGIN))
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .strip();
        assertThat(scopeLine).startsWith("./mt scope ");
        Path report = dir.resolve("scope.html");
        String[] args = scopeLine
                .substring("./mt ".length())
                .replace("/tmp/scope.html", report.toString())
                .split(" +");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stream = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        int exit = Mt.run(args, stream, stream);
        String scope = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exit).as(scope).isZero();
        assertThat(scope).contains("127.0.0.66", READ_SUBJECT, AttackerRecipe.SEND_SUBJECT);
        assertThat(Files.readString(report)).contains(READ_SUBJECT, AttackerRecipe.SEND_SUBJECT);
        assertThat(scope).contains("HardDelete 1 item from \\Inbox: \"" + DELETED_SUBJECT + "\"");
        assertThat(scope).as("looking at the headers is no read").contains("Messages read (Bind): 1");
        if (backend == DemoBackend.DOVECOT) {
            assertThat(scope).contains("New-InboxRule", "forwards to " + AttackerRecipe.FORWARD_TO);
        } else {
            assertThat(banner).contains("need mt demo --backend dovecot");
        }
        assertThat(Arrays.stream(scope.split("\n")).filter(l -> l.contains("127.0.0.1 ")))
                .as("nothing the attacker did is attributed to another address")
                .isEmpty();
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin);
        int to = text.indexOf(end, from);
        assertThat(from).as("the banner's recipe starts").isNotNegative();
        assertThat(to).as("the banner's recipe ends").isPositive();
        return text.substring(from + begin.length(), to);
    }
}
