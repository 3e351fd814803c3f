/**
 * The webmail end-to-end test: Roundcube, lighttpd, Dovecot, Postfix and Chromium from Debian's packages, started
 * throwaway on loopback, with MailTrail's listeners in between. Test code only; it may use every module.
 */
package dev.mailtrail.app.webmail;
