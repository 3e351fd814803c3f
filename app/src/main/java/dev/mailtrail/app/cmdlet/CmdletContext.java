package dev.mailtrail.app.cmdlet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a cmdlet run needs from outside: the data directory, the clock, who is acting, where to write.
 *
 * @param actor the administrator recorded as UserId of the admin record: the operating-system user who ran the
 *     command (an environment variable such as {@code $MAILTRAIL_ADMIN} is not taken: anyone could sign as anyone)
 * @param session where the command came from, as the admin record shows it (ClientIP, client)
 */
record CmdletContext(
        Path data,
        Clock clock,
        String actor,
        PrintStream out,
        PrintStream err,
        PipelineAccess pipelines,
        dev.mailtrail.core.event.Session session) {
    CmdletContext(Path data, Clock clock, String actor, PrintStream out, PrintStream err, PipelineAccess pipelines) {
        this(data, clock, actor, out, err, pipelines, ConfigurationCmdlets.COMMAND_LINE);
    }

    static String operatingSystemUser() {
        return OperatingSystemUser.current();
    }
}
