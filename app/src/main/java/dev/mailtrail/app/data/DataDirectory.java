package dev.mailtrail.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data directory every command that touches stored data uses. {@code --data DIR} (or {@code --data=DIR})
 * may stand anywhere on the command line, because cmdlet-shaped commands take PowerShell's parameters after
 * it; without it, {@code $MAILTRAIL_DATA}, else {@code $XDG_DATA_HOME/mailtrail}, else
 * {@code ~/.local/share/mailtrail}.
 *
 * @param path the directory
 * @param remaining the command line without the {@code --data} option
 */
public record DataDirectory(Path path, List<String> remaining) {
    public static final String ENVIRONMENT_VARIABLE = "MAILTRAIL_DATA";

    /** Takes {@code --data} out of the arguments; fails with a usage message if it has no value. */
    public static DataDirectory from(String[] args, Map<String, String> environment) {
        List<String> remaining = new ArrayList<>(args.length);
        Path explicit = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--data")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException("--data needs a directory, e.g. --data /var/lib/mailtrail");
                }
                explicit = Path.of(args[++i]);
            } else if (arg.startsWith("--data=")) {
                explicit = Path.of(arg.substring("--data=".length()));
            } else {
                remaining.add(arg);
            }
        }
        return new DataDirectory(explicit != null ? explicit : fromEnvironment(environment), List.copyOf(remaining));
    }

    /** The default data directory when no {@code --data} is given. */
    public static Path fromEnvironment(Map<String, String> environment) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "mailtrail");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "mailtrail");
    }
}
