package dev.mailtrail.sensor.dovecot.map;

import dev.mailtrail.proxy.session.MessageSelection;

/**
 * Messages a client listed (a FETCH of headers or flags only): not a read, but the last moment they surely exist.
 * Naming them now lets a later delete or move, whose events come after the message is gone, be named from the
 * lookup's cache.
 */
public record NamingHint(String owner, String folder, MessageSelection selection) {}
