/**
 * The POP3 session auditor: follows decoded commands and scanned responses and turns logins, retrievals and
 * deletions into access events. Uses the POP3 codec, the shared session package and the core's event types.
 */
package dev.mailtrail.proxy.pop3.session;
