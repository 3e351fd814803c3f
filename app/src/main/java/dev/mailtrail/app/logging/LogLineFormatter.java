package dev.mailtrail.app.logging;

import dev.mailtrail.core.text.LogText;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The JDK's one-line format, with every parameter of every record passed through {@link LogText} and the message
 * itself kept to one line: a user name, folder, subject or command from a client or a file can forge no line and
 * send no escape sequence, whichever class logs it and whether or not it escaped the value itself.
 */
public final class LogLineFormatter extends SimpleFormatter {

    /** Puts this formatter on the root logger's handlers (the console handler {@code mt} writes its log with). */
    public static void install() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            Formatter current = handler.getFormatter();
            if (current == null || current.getClass() == SimpleFormatter.class) {
                handler.setFormatter(new LogLineFormatter());
            }
        }
    }

    @Override
    public synchronized String formatMessage(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            Object[] safe = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                safe[i] = parameters[i] instanceof Number || parameters[i] == null
                        ? parameters[i]
                        : LogText.of(parameters[i]);
            }
            record.setParameters(safe);
        }
        return oneLine(super.formatMessage(record));
    }

    /** A message built by concatenation rather than parameters is escaped whole; escaping twice changes nothing. */
    private static String oneLine(String message) {
        return LogText.escape(message, Integer.MAX_VALUE, false);
    }
}
