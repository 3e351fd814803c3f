package dev.mailtrail.app.api.access;

import java.util.Set;

/**
 * Who is calling, once authenticated: an account signed in with a session, or an API token.
 *
 * @param name the account or token name, recorded as UserId of the admin records its actions make
 * @param kind how it was authenticated
 */
public record Principal(String name, Kind kind, Set<Role> roles, ManagementScope scope) {
    public enum Kind {
        ACCOUNT,
        TOKEN
    }

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean may(Right right) {
        return roles.stream().anyMatch(role -> role.rights().contains(right));
    }
}
