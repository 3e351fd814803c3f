package dev.mailtrail.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineFormatterTest {

    @Test
    void aParameterHoldingALineBreakAndEscapeStaysInItsLine() {
        LogRecord record = new LogRecord(Level.INFO, "session {0}: {1} selected {2}, {3} messages");
        record.setParameters(new Object[] {"s1", "alice\r\nWARNING forged", "Inbox\u001b[2J", 42});
        assertThat(new LogLineFormatter().formatMessage(record))
                .isEqualTo("session s1: alice\\r\\nWARNING forged selected Inbox\\x1b[2J, 42 messages");
    }

    @Test
    void aMessageBuiltByConcatenationIsKeptToOneLine() {
        LogRecord record = new LogRecord(Level.WARNING, "refused: " + "x\ny");
        assertThat(new LogLineFormatter().formatMessage(record)).isEqualTo("refused: x\\ny");
    }

    @Test
    void aLongParameterIsCut() {
        LogRecord record = new LogRecord(Level.INFO, "user {0}");
        record.setParameters(new Object[] {"a".repeat(5000)});
        assertThat(new LogLineFormatter().formatMessage(record)).hasSize("user ".length() + 256 + 3);
    }
}
