package dev.mailtrail.app.api.cli;

import dev.mailtrail.app.data.DataDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}, as every command that touches stored data takes it. */
final class DataOption {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The data directory (default: $MAILTRAIL_DATA, else $XDG_DATA_HOME/mailtrail, else"
                    + " ~/.local/share/mailtrail).")
    Path data;

    Path directory() {
        return data != null
                ? data
                : DataDirectory.from(new String[0], System.getenv()).path();
    }
}
