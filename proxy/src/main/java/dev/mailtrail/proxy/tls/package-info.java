/**
 * TLS for the proxy's two sides: server contexts from PEM files, client contexts towards the mail server with
 * certificate verification on by default. Uses Netty's SSL handler and the JDK's TLS.
 */
package dev.mailtrail.proxy.tls;
