/**
 * The demo's mail: a deterministic business-email-compromise story written as raw RFC 5322 bytes (never through
 * Jakarta Mail, whose rewriting would change sizes). JDK only.
 */
package dev.mailtrail.demo.corpus;
