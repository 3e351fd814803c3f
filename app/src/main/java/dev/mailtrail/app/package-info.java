/**
 * The {@code mt} command: wiring, options and start-up. The only place that knows every module; each
 * subcommand lives in its own package.
 */
package dev.mailtrail.app;
