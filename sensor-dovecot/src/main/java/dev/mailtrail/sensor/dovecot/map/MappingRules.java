package dev.mailtrail.sensor.dovecot.map;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the mapper must know of the Dovecot it listens to.
 *
 * @param separator the hierarchy separator of the namespaces ({@code namespace { separator = / }})
 * @param sharedPrefix the other-users prefix ({@code Shared/} for {@code prefix = Shared/%u/}), "" when none
 * @param trashFolders the folder names a MOVE into is Exchange's MoveToDeletedItems (compared ignoring case)
 * @param sessionQuiet how long a session with nothing new is kept before its held reads are decided
 */
public record MappingRules(String separator, String sharedPrefix, Set<String> trashFolders, Duration sessionQuiet) {

    public static final MappingRules DEFAULTS = new MappingRules(
            "/", "Shared/", Set.of("Trash", "Deleted Items", "Deleted Messages"), Duration.ofMinutes(2));

    public MappingRules {
        trashFolders =
                trashFolders.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    boolean isTrash(String folder) {
        return trashFolders.contains(folder.toLowerCase(Locale.ROOT));
    }
}
