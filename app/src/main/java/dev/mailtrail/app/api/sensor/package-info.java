/** Sensor routes of the API beside {@code POST /api/v1/events}: Dovecot's own event exporter. */
package dev.mailtrail.app.api.sensor;
