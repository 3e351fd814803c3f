package dev.mailtrail.proxy.session;

import java.util.Map;

/**
 * What a lookup found: the UID of each message it named, by the sequence number it has in the folder (so a session
 * that knows only sequence numbers learns the UIDs); {@code failure} says why it found nothing, null when it ran.
 */
public record LookupResult(Map<Long, Long> uidsBySequence, String failure) {

    public static final LookupResult NOTHING = new LookupResult(Map.of(), null);

    public LookupResult {
        uidsBySequence = Map.copyOf(uidsBySequence);
    }

    public static LookupResult failed(String why) {
        return new LookupResult(Map.of(), why);
    }
}
