/**
 * The IMAP session auditor: follows decoded requests and scanned responses, keeps protocol state and turns
 * completed commands into access events, one class per command family. Uses the IMAP codec, the shared session
 * package and the core's event types; no I/O.
 */
package dev.mailtrail.proxy.imap.session;
