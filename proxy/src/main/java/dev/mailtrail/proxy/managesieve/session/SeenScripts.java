package dev.mailtrail.proxy.managesieve.session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one session has seen of the mailbox's scripts: the text of each script put or fetched (GETSCRIPT) through
 * it, and which script is active once a listing or SETACTIVE has said so. The proxy never asks the server itself:
 * it sends nothing on the client's connection that the client did not send.
 */
final class SeenScripts {

    private final Map<String, String> texts = new HashMap<>();
    private Set<String> listed;
    private boolean activeKnown;
    private String active;

    void text(String name, String text) {
        texts.put(name, text);
    }

    /** The text seen for {@code name}, "" for a script a listing showed absent; empty when unknown. */
    Optional<String> text(String name) {
        String text = texts.get(name);
        if (text == null && listed != null && !listed.contains(name)) {
            return Optional.of("");
        }
        return Optional.ofNullable(text);
    }

    /** True when the session knows the script exists: it saw its text or a listing naming it. */
    boolean exists(String name) {
        return texts.containsKey(name) || (listed != null && listed.contains(name));
    }

    /** A LISTSCRIPTS answer: every script there is, by name. */
    void listed(List<String> names) {
        listed = new HashSet<>(names);
    }

    void forget(String name) {
        texts.remove(name);
        if (listed != null) {
            listed.remove(name);
        }
    }

    /** A script was stored under {@code name}. */
    void stored(String name, String text) {
        texts.put(name, text);
        if (listed != null) {
            listed.add(name);
        }
    }

    /** A script's text is no longer known (too large to keep), though it exists. */
    void unknown(String name) {
        texts.remove(name);
        if (listed != null) {
            listed.add(name);
        }
    }

    void renamed(String from, String to) {
        String text = texts.remove(from);
        if (text != null) {
            texts.put(to, text);
        }
        if (listed != null && listed.remove(from)) {
            listed.add(to);
        }
        if (from.equals(active)) {
            active = to;
        }
    }

    /** A listing or SETACTIVE said which script is active; null for none. */
    void active(String name) {
        activeKnown = true;
        active = name;
    }

    boolean activeKnown() {
        return activeKnown;
    }

    /** The active script's name; null when none is active or it is not known. */
    String active() {
        return active;
    }

    /** True when {@code name} is known to be the active script, false when known not to be, empty when unknown. */
    Optional<Boolean> isActive(String name) {
        return activeKnown ? Optional.of(name.equals(active)) : Optional.empty();
    }
}
