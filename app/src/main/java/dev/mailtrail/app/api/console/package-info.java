/**
 * The web console on the API's server: its files (from {@code app.console}) at {@code /console/}, and the thin
 * endpoints only the console needs (a mailbox's audit configuration with the reason view). May use the API's
 * request, response and access classes, the admin views and the pipeline; no search or scope logic lives here.
 */
package dev.mailtrail.app.api.console;
