/**
 * The embedded demo mail server: GreenMail (IMAP and POP3 on loopback) seeded with the demo corpus. GreenMail
 * has no NAMESPACE command and no shared folders, so only Owner access can be shown on it.
 */
package dev.mailtrail.demo.greenmail;
