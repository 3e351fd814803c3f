/**
 * POP3 syntax (RFC 1939, RFC 2449, RFC 5034 AUTH, RFC 2595 STLS): an incremental, bounded decoder of client
 * commands that refuses bare CR or LF. JDK only.
 */
package dev.mailtrail.proxy.pop3.codec;
