package dev.mailtrail.app.cmdlet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a cmdlet run needs from outside: the data directory, the clock, who is acting, where to write.
 *
 * @param actor the administrator recorded as UserId of the admin record: the operating-system user who ran the
 *     command (an environment variable such as {@code $MAILTRAIL_ADMIN} is not taken: anyone could sign as anyone)
 */
record CmdletContext(Path data, Clock clock, String actor, PrintStream out, PrintStream err, PipelineAccess pipelines) {
    static String operatingSystemUser() {
        return OperatingSystemUser.current();
    }
}
