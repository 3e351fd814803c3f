package dev.mailtrail.app.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the signed digests of every store commit go, and the key that signs them (docs/tamper-evidence.md).
 *
 * @param anchors the anchors directory: meant for WORM or object-lock storage, outside the data directory
 * @param signingKey the Ed25519 private key (PEM), generated there with mode 0600 at first use; outside the data
 *     directory, so that whoever can rewrite the stores cannot sign a digest for them
 */
public record Anchoring(Path anchors, Path signingKey) {

    /** The signing key's place when none is given: $XDG_CONFIG_HOME/mailtrail, else ~/.config/mailtrail. */
    public static Path defaultSigningKey(Map<String, String> env) {
        String config = env.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank()
                ? Path.of(config)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("mailtrail").resolve("anchor-signing.key");
    }

    /** Refuses an anchors directory or key inside the data directory: they would protect nothing there. */
    void requireOutside(Path dataDirectory) throws IOException {
        Path data = dataDirectory.toAbsolutePath().normalize();
        if (anchors.toAbsolutePath().normalize().startsWith(data)) {
            throw new IOException("the anchors directory " + anchors + " is inside the data directory " + dataDirectory
                    + ": whoever can rewrite the stores could rewrite it too; choose a place outside it");
        }
        if (signingKey.toAbsolutePath().normalize().startsWith(data)) {
            throw new IOException("the anchor signing key " + signingKey + " is inside the data directory "
                    + dataDirectory + ": whoever can rewrite the stores could sign for them; keep it outside");
        }
    }
}
