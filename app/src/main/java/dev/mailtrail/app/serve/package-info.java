/**
 * {@code mt serve}: the auditing proxy wired to the audit pipeline of a data directory, with its start-up banner and
 * a graceful shutdown. Uses the proxy module's server and the app's pipeline.
 */
package dev.mailtrail.app.serve;
