/**
 * Where audit data lasts: the event journal (every event durable before it is acknowledged) and, behind one
 * narrow interface, the mailbox and unified audit logs. Depends on audit-core; engines live in sub-packages.
 */
package dev.mailtrail.store;
