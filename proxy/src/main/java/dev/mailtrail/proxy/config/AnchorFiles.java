package dev.mailtrail.proxy.config;

import java.nio.file.Path;

/**
 * The {@code [anchors]} section: where the signed digest of every store commit goes, and the signing key (null for
 * the default place). Neither needs to exist yet: the directory is created and the key generated at first start.
 */
public record AnchorFiles(Path directory, Path signingKey) {}
