package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TerminalProgressBarTest {

    @Test
    void redrawsOneLineAndEndsItWhenAllIsDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgressBar bar = new TerminalProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Path file = Path.of("/cases/acme/audit-2026-03.csv");

        bar.update(file, 1_350_000_000L, 2_700_000_000L);
        bar.update(file, 2_700_000_000L, 2_700_000_000L);
        bar.update(file, 2_700_000_000L, 2_700_000_000L);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r 50% [###############               ] 1.4 GB of 2.7 GB, ");
        assertThat(out).contains("audit-2026-03.csv").contains("\r100% [" + "#".repeat(30) + "]");
        assertThat(out.chars().filter(c -> c == '\n')).hasSize(1);
        assertThat(out).endsWith(System.lineSeparator());
    }
}
