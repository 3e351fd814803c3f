/**
 * MailTrail's audit core: Exchange Online's mailbox audit semantics as pure Java. Depends on the JDK only:
 * no I/O, no JSON, no threads of its own; time comes from an injected {@link java.time.Clock}.
 */
package dev.mailtrail.core;
