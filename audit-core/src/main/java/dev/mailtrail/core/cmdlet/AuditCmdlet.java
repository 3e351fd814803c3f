package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;
import java.util.Set;

/** One cmdlet that changes the audit configuration; all-or-nothing: a refused line changes nothing. */
interface AuditCmdlet {
    String name();

    /** Parameter names, spelled as Exchange does. */
    Set<String> parameters();

    /** The parameter a positional value binds to, or null. */
    String positionalParameter();

    /** What the admin record names as {@code ObjectId}. */
    String objectId(CmdletArguments arguments, AuditConfiguration configuration);

    void apply(CmdletArguments arguments, AuditConfiguration configuration) throws CmdletException;
}
