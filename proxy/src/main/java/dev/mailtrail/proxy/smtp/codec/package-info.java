/**
 * SMTP submission syntax (RFC 5321, RFC 4954 AUTH, RFC 3207 STARTTLS, RFC 2920 PIPELINING): a bounded decoder of
 * client commands and message data that refuses bare CR or LF, a reply scanner, and a small reader of the message
 * header fields that name a message (RFC 5322, RFC 2047). JDK only.
 */
package dev.mailtrail.proxy.smtp.codec;
