/**
 * The native Dovecot sensor: what Dovecot's event exporter posts (http-post driver, json format) in, access events
 * out. {@link dev.mailtrail.sensor.dovecot.DovecotSensor} is the entry point the HTTP API and {@code mt ingest} call;
 * it may use the audit core, the proxy's message lookup and Jackson.
 */
package dev.mailtrail.sensor.dovecot;
