package dev.mailtrail.sensor.dovecot.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IMAP sequence set ({@code 1,3:5}) from a command's arguments, expanded to its numbers. {@code *} and sets of
 * more than {@link #LIMIT} numbers are not expanded: the events of the messages themselves name them.
 */
final class ImapSet {
    static final int LIMIT = 1000;

    private ImapSet() {}

    /** The numbers of {@code set}, or empty when it cannot or should not be expanded. */
    static Optional<List<Long>> expand(String set) {
        List<Long> numbers = new ArrayList<>();
        for (String part : set.split(",", -1)) {
            String[] range = part.split(":", -1);
            if (range.length > 2 || !range[0].chars().allMatch(Character::isDigit) || range[0].isEmpty()) {
                return Optional.empty();
            }
            long from = Long.parseLong(range[0]);
            long to = from;
            if (range.length == 2) {
                if (range[1].isEmpty() || !range[1].chars().allMatch(Character::isDigit) || range[1].length() > 10) {
                    return Optional.empty();
                }
                to = Long.parseLong(range[1]);
            }
            if (range[0].length() > 10 || Math.abs(to - from) + numbers.size() >= LIMIT) {
                return Optional.empty();
            }
            for (long n = Math.min(from, to); n <= Math.max(from, to); n++) {
                numbers.add(n);
            }
        }
        return Optional.of(numbers);
    }

    /** Whether {@code set} can name more than one message ({@code 1:*}, {@code 2,5}, {@code 1:3}). */
    static boolean several(String set) {
        return expand(set).map(n -> n.size() > 1).orElse(true);
    }

    /** The first word of a command's arguments (the set of FETCH, STORE, MOVE, COPY). */
    static String firstWord(String args) {
        int space = args.indexOf(' ');
        return space < 0 ? args : args.substring(0, space);
    }

    /** The rest after the first word: a MOVE's or COPY's target folder, unquoted. */
    static String rest(String args) {
        int space = args.indexOf(' ');
        String rest = space < 0 ? "" : args.substring(space + 1).strip();
        if (rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")) {
            rest = rest.substring(1, rest.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return rest;
    }
}
