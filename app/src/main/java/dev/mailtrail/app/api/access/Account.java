package dev.mailtrail.app.api.access;

import java.util.Set;

/** A local account of the API and console: its Argon2id hash ({@link PasswordHash}), its role groups and scope. */
public record Account(String name, String passwordHash, Set<Role> roles, ManagementScope scope) {
    public Account {
        roles = Set.copyOf(roles);
    }

    public Principal principal() {
        return new Principal(name, Principal.Kind.ACCOUNT, roles, scope);
    }
}
