/**
 * The access-event JSON form (access-events.md): one object per line, read into core events with errors that
 * name the field. Callers add the file and line.
 */
package dev.mailtrail.format.event;
