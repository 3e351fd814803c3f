/**
 * Events: the facts every sensor hands the audit core (an access to a mailbox, an administrator's cmdlet, the intent
 * of a read journaled before the server answers and its outcome).
 * Immutable values; the JSON form lives in audit-format.
 */
package dev.mailtrail.core.event;
