/**
 * Naming messages from the mail server itself: the proxy's own IMAP connection, logged in as a lookup account, and
 * the cache in front of it. Uses the IMAP codec and the session package's resolver interface; no Netty.
 */
package dev.mailtrail.proxy.lookup;
