/**
 * Anchored tamper evidence on the command line: the {@code --anchors} options of the commands that write a data
 * directory, and {@code mt verify --anchors}, which holds the stores against the signed digests.
 */
package dev.mailtrail.app.anchors;
