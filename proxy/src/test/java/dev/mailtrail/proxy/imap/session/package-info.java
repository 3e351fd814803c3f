/** Transcript tests of the IMAP session auditor. */
package dev.mailtrail.proxy.imap.session;
