package dev.mailtrail.app.cmdlet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a cmdlet run needs from outside: the data directory, the clock, who is acting, where to write.
 *
 * @param actor the administrator recorded as UserId of the admin record ({@code $MAILTRAIL_ADMIN}, else the
 *     operating-system user)
 */
record CmdletContext(Path data, Clock clock, String actor, PrintStream out, PrintStream err) {
    static String actor(Map<String, String> environment) {
        String configured = environment.get("MAILTRAIL_ADMIN");
        return configured != null && !configured.isBlank() ? configured : System.getProperty("user.name");
    }
}
