package dev.mailtrail.demo;

import java.util.List;

/**
 * The demo's accounts. alice is the accounts-payable clerk whose mailbox the story happens in; bob is the CFO
 * she shares her Finance folder with; mallory is the outsider behind the lookalike domain. On Dovecot the
 * master user {@link #ADMIN} can log in as anyone ({@code alice@demo.test*admin@demo.test}), which is how an
 * Admin logon is shown.
 */
public final class DemoUsers {
    public static final String ALICE = "alice@demo.test";
    public static final String BOB = "bob@demo.test";
    public static final String MALLORY = "mallory@demo.test";
    /** Dovecot's master user: logs in as another user with {@code user*admin@demo.test}. */
    public static final String ADMIN = "admin@demo.test";
    /** Every demo account's password, the master user's too. */
    public static final String PASSWORD = "demo";
    /** What separates the target user from the master user in a master login, as Dovecot's default. */
    public static final String MASTER_SEPARATOR = "*";

    private DemoUsers() {}

    /** The users that own mailboxes, in the order the banner lists them. */
    public static List<String> mailboxOwners() {
        return List.of(ALICE, BOB, MALLORY);
    }
}
