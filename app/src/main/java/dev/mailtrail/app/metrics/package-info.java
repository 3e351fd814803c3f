/**
 * MailTrail's metrics in Prometheus's text format: what the pipeline journaled and stored, how far the audit core
 * lags the journal, what it left unrecorded and why, and the proxy's sessions and message-name cache.
 */
package dev.mailtrail.app.metrics;
