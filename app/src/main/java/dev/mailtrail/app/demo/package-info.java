/**
 * {@code mt demo}: a demo mail server, the auditing proxy in front of it in strict mode, and the audit pipeline
 * under the data directory, started together in one process and stopped with every record flushed.
 */
package dev.mailtrail.app.demo;
