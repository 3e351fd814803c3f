package dev.mailtrail.core.event;

/**
 * The connection an access came through: {@code SessionId}, {@code ClientIPAddress}, {@code ClientInfoString}
 * and optionally {@code AppId}. Any part may be null when the sensor does not know it.
 */
public record Session(String id, String clientIp, String clientInfo, String appId) {
    public static final Session NONE = new Session(null, null, null, null);
}
