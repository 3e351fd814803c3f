package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;

/** One cmdlet that changes the audit configuration; all-or-nothing: a refused line changes nothing. */
interface AuditCmdlet {
    String name();

    /** The cmdlet's parameter table: what a line binds against and what its help shows. */
    CmdletSyntax syntax();

    /** What the admin record names as {@code ObjectId}. */
    String objectId(CmdletArguments arguments, AuditConfiguration configuration);

    void apply(CmdletArguments arguments, AuditConfiguration configuration) throws CmdletException;
}
