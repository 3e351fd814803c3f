/**
 * The pure mapping from Dovecot's exported events to access events: a fold over events with per-session state, no
 * I/O and no clock of its own (time comes from the events, idleness from the caller). May use the audit core's event
 * types and the proxy's folder naming and message selections.
 */
package dev.mailtrail.sensor.dovecot.map;
