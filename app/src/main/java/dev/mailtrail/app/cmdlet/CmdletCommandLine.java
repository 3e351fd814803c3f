package dev.mailtrail.app.cmdlet;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins a shell's words back into one PowerShell line. A word the shell has unquoted ({@code Alice Smith} from
 * {@code "Alice Smith"}) is quoted again; a word that is already PowerShell syntax ({@code @{Add="A B"}},
 * {@code 'x y'}, {@code A,"B C"}) is kept as typed.
 */
final class CmdletCommandLine {
    private static final Pattern PLAIN = Pattern.compile("[^\\s'\"`$@(){};,]+");

    private CmdletCommandLine() {}

    static String join(String cmdlet, List<String> words) {
        StringBuilder line = new StringBuilder(cmdlet);
        for (String word : words) {
            line.append(' ').append(quoted(word));
        }
        return line.toString();
    }

    static String quoted(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (PLAIN.matcher(word).matches() || isSyntax(word)) {
            return word;
        }
        return "'" + word.replace("'", "''") + "'";
    }

    private static boolean isSyntax(String word) {
        char first = word.charAt(0);
        return first == '@'
                || first == '\''
                || first == '"'
                || first == '$'
                || first == '('
                || word.contains(",") && !word.contains(" ");
    }
}
