package dev.mailtrail.app.api.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The accounts and tokens of one data directory, as one immutable value; changes return a new list. */
public record AccessList(List<Account> accounts, List<ApiToken> tokens) {
    public static final AccessList EMPTY = new AccessList(List.of(), List.of());

    public AccessList {
        accounts = List.copyOf(accounts);
        tokens = List.copyOf(tokens);
    }

    public Optional<Account> account(String name) {
        return accounts.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<ApiToken> tokenNamed(String name) {
        return tokens.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The token a bearer text is, if any. */
    public Optional<ApiToken> token(String bearer) {
        String id = ApiToken.idOf(bearer);
        if (id == null) {
            return Optional.empty();
        }
        return tokens.stream()
                .filter(t -> t.id().equals(id) && t.matches(bearer))
                .findFirst();
    }

    public AccessList with(Account account) {
        List<Account> changed = new ArrayList<>(accounts);
        changed.removeIf(a -> a.name().equalsIgnoreCase(account.name()));
        changed.add(account);
        return new AccessList(changed, tokens);
    }

    public AccessList with(ApiToken token) {
        List<ApiToken> changed = new ArrayList<>(tokens);
        changed.removeIf(t -> t.name().equalsIgnoreCase(token.name()));
        changed.add(token);
        return new AccessList(accounts, changed);
    }

    public AccessList withoutAccount(String name) {
        List<Account> changed = new ArrayList<>(accounts);
        changed.removeIf(a -> a.name().equalsIgnoreCase(name));
        return new AccessList(changed, tokens);
    }

    public AccessList withoutToken(String name) {
        List<ApiToken> changed = new ArrayList<>(tokens);
        changed.removeIf(t -> t.name().equalsIgnoreCase(name));
        return new AccessList(accounts, changed);
    }
}
