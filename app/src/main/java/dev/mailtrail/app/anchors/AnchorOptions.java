package dev.mailtrail.app.anchors;

import dev.mailtrail.app.pipeline.Anchoring;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --anchors DIR [--anchor-key FILE]}, shared by {@code mt ingest}, {@code mt serve} and {@code mt demo}. */
public final class AnchorOptions {
    @Option(
            names = "--anchors",
            paramLabel = "DIR",
            description = "Write a signed digest of every store commit into DIR (one new file each, never rewritten;"
                    + " meant for WORM or object-lock storage, outside the data directory). Check with"
                    + " mt verify --anchors DIR.")
    Path anchors;

    @Option(
            names = "--anchor-key",
            paramLabel = "FILE",
            description = "The Ed25519 signing key (PEM), created with mode 0600 if missing (default:"
                    + " $XDG_CONFIG_HOME/mailtrail/anchor-signing.key, else ~/.config/mailtrail/anchor-signing.key).")
    Path signingKey;

    /** What was asked for, with {@code fallback} (the configuration file's) when the option is not given. */
    public Optional<Anchoring> anchoring(Map<String, String> env, Optional<Path> fallback) {
        Path directory = anchors != null ? anchors : fallback.orElse(null);
        if (directory == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Anchoring(directory, signingKey != null ? signingKey : Anchoring.defaultSigningKey(env)));
    }
}
