/**
 * ManageSieve syntax (RFC 5804): an incremental, bounded decoder of client commands with their quoted strings and
 * literals ({@code {n+}}, {@code {n}}), and a scanner of server responses (OK, NO, BYE with response codes, data
 * lines, literals). Bare CR or LF is refused, never normalised. JDK only.
 */
package dev.mailtrail.proxy.managesieve.codec;
