package dev.mailtrail.proxy.imap.session;

import static dev.mailtrail.proxy.imap.session.ProtocolState.AUTHENTICATED;
import static dev.mailtrail.proxy.imap.session.ProtocolState.NOT_AUTHENTICATED;
import static dev.mailtrail.proxy.imap.session.ProtocolState.SELECTED;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command name → family class and the states it is valid in, after Dovecot's {@code imap-commands.c}. A command
 * outside its states is not dispatched: the server refuses it, and nothing happened to audit.
 */
final class ImapCommandTable {

    interface Factory {
        /** The command in flight, or null when its arguments name nothing to audit. */
        ImapCommand start(ImapRequest.Command command, ImapSessionState session);
    }

    record Entry(Set<ProtocolState> states, Factory factory) {}

    private static final Set<ProtocolState> ANY = EnumSet.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    private static final Set<ProtocolState> LOGGED_IN = EnumSet.of(AUTHENTICATED, SELECTED);
    private static final Set<ProtocolState> IN_FOLDER = EnumSet.of(SELECTED);

    private final Map<String, Entry> entries = new HashMap<>();

    ImapCommandTable() {
        add(EnumSet.of(NOT_AUTHENTICATED), LoginCommand::of, "LOGIN");
        add(EnumSet.of(NOT_AUTHENTICATED), AuthenticateCommand::of, "AUTHENTICATE");
        add(ANY, IdCommand::of, "ID");
        add(ANY, LeaveCommand::of, "LOGOUT");
        add(LOGGED_IN, NamespaceCommand::of, "NAMESPACE");
        add(LOGGED_IN, LeaveCommand::of, "UNAUTHENTICATE");
        add(LOGGED_IN, SelectExamineCommand::of, "SELECT", "EXAMINE");
        add(LOGGED_IN, AppendCommand::of, "APPEND");
        add(LOGGED_IN, AclCommand::of, "SETACL", "DELETEACL");
        add(IN_FOLDER, FetchCommand::of, "FETCH", "UID FETCH");
        add(IN_FOLDER, CopyMoveCommand::of, "COPY", "UID COPY", "MOVE", "UID MOVE");
        add(IN_FOLDER, StoreCommand::of, "STORE", "UID STORE");
        add(IN_FOLDER, ExpungeCommand::of, "EXPUNGE", "UID EXPUNGE", "CLOSE");
        add(IN_FOLDER, SearchCommand::of, "SEARCH", "UID SEARCH");
        add(IN_FOLDER, LeaveCommand::of, "UNSELECT");
    }

    private void add(Set<ProtocolState> states, Factory factory, String... names) {
        for (String name : names) {
            entries.put(name, new Entry(states, factory));
        }
    }

    /** The entry for {@code name}, null for commands with nothing to audit (NOOP, LIST, STATUS, IDLE, …). */
    Entry find(String name) {
        return entries.get(name);
    }
}
