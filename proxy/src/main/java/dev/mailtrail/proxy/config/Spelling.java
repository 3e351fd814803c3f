package dev.mailtrail.proxy.config;

/**
 * Whether a key in a file is a misspelling of an expected one: one letter added, dropped, changed or swapped with its
 * neighbour (two for keys longer than five letters), so that a section's other keys ({@code host}, {@code port}) are
 * never taken for each other.
 */
final class Spelling {
    private Spelling() {}

    static boolean near(String written, String expected) {
        if (written.equalsIgnoreCase(expected)) {
            return true;
        }
        int allowed = expected.length() <= 5 ? 1 : 2;
        return Math.abs(written.length() - expected.length()) <= allowed
                && distance(written.toLowerCase(java.util.Locale.ROOT), expected.toLowerCase(java.util.Locale.ROOT))
                        <= allowed;
    }

    /** Edit distance with transpositions (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
