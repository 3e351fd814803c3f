/**
 * Naming the UIDs of mapped events with Message-ID, subject and size: the proxy's message lookup (decision 0017) asked
 * as the mapper's separate, impure step. May use the proxy's lookup and the audit core's event types.
 */
package dev.mailtrail.sensor.dovecot.name;
