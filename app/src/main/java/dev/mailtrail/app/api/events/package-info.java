/**
 * {@code POST /api/v1/events}: the sensor contract of the access-event spec over HTTPS — JSON Lines or a JSON array,
 * answered 202 once every accepted event is durable in the journal, bad lines named by line and field, retries made
 * harmless by an Idempotency-Key.
 */
package dev.mailtrail.app.api.events;
