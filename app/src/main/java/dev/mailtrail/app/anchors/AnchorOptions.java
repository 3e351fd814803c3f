package dev.mailtrail.app.anchors;

import dev.mailtrail.app.pipeline.Anchoring;
import dev.mailtrail.proxy.config.AnchorFiles;
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
                    + " mt verify --anchors DIR. For mt serve, overrides [anchors] directory in the configuration.")
    Path anchors;

    @Option(
            names = "--anchor-key",
            paramLabel = "FILE",
            description = "The Ed25519 signing key (PEM), created with mode 0600 if missing (default:"
                    + " $XDG_CONFIG_HOME/mailtrail/anchor-signing.key, else ~/.config/mailtrail/anchor-signing.key).")
    Path signingKey;

    /** What was asked for on the command line. */
    public Optional<Anchoring> anchoring(Map<String, String> env) {
        return anchoring(env, null);
    }

    /**
     * What was asked for; each option not given is taken from the configuration file's {@code [anchors]} section
     * ({@code fromFile}, null when there is none).
     */
    public Optional<Anchoring> anchoring(Map<String, String> env, AnchorFiles fromFile) {
        Path directory = anchors != null ? anchors : fromFile != null ? fromFile.directory() : null;
        if (directory == null) {
            return Optional.empty();
        }
        Path key = signingKey != null
                ? signingKey
                : fromFile != null && fromFile.signingKey() != null
                        ? fromFile.signingKey()
                        : Anchoring.defaultSigningKey(env);
        return Optional.of(new Anchoring(directory, key));
    }
}
