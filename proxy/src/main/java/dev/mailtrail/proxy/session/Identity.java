package dev.mailtrail.proxy.session;

import dev.mailtrail.core.action.LogonType;
import java.util.Objects;

/** Who logged in ({@code actor}), whose mailbox the session opened ({@code mailbox}) and how (exchange-audit §1). */
public record Identity(String actor, String mailbox, LogonType logonType) {

    public Identity {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(logonType, "logonType");
    }

    /**
     * The identity of a login. An authzid that is set and differs from the authcid is impersonation by a Dovecot
     * master user (actor = authcid); so is {@code user<separator>master} in the user name. Ordinary clients send an
     * empty authzid or one equal to the authcid (mbsync, mutt), which is the owner logging in.
     *
     * @param masterSeparator Dovecot's {@code auth_master_user_separator}, null or empty when not configured
     */
    public static Identity ofLogin(String authzid, String authcid, String masterSeparator) {
        if (authzid != null && !authzid.isEmpty() && !authzid.equals(authcid)) {
            return new Identity(authcid, authzid, LogonType.ADMIN);
        }
        if (masterSeparator != null && !masterSeparator.isEmpty()) {
            int at = authcid.indexOf(masterSeparator);
            if (at > 0 && at + masterSeparator.length() < authcid.length()) {
                return new Identity(
                        authcid.substring(at + masterSeparator.length()), authcid.substring(0, at), LogonType.ADMIN);
            }
        }
        return new Identity(authcid, authcid, LogonType.OWNER);
    }

    /** The logon type for acting in {@code owner}'s mailbox: another user's shared folder makes a delegate. */
    public LogonType logonTypeIn(String owner) {
        return owner.equals(mailbox) ? logonType : LogonType.DELEGATE;
    }
}
