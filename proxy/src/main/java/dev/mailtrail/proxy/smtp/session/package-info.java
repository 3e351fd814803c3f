/**
 * The SMTP submission auditor: follows decoded commands and scanned replies and turns logins and accepted or
 * refused messages into Send, SendAs and SendOnBehalf events. Uses the SMTP codec, the shared session package and
 * the core's event types.
 */
package dev.mailtrail.proxy.smtp.session;
