/**
 * The proxy's network side on Netty: listeners (plain, STARTTLS, implicit TLS, PROXY protocol), the relay of each
 * connection to the mail server with its IMAP or POP3 auditor, strict release of message bytes once their events
 * are durable, and {@link dev.mailtrail.proxy.net.ProxyServer}, the entry point. Uses the codecs and auditors.
 */
package dev.mailtrail.proxy.net;
