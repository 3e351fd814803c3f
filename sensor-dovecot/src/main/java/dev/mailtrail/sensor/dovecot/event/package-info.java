/**
 * One exported Dovecot event as data ({@link dev.mailtrail.sensor.dovecot.event.DovecotEvent}) and its JSON reader,
 * whose errors name the field. Jackson only; no I/O beyond the stream handed in.
 */
package dev.mailtrail.sensor.dovecot.event;
