/** Transcript tests of the POP3 session auditor. */
package dev.mailtrail.proxy.pop3.session;
