/**
 * The web console's files, served from the application's own resources (no build step, nothing fetched from
 * elsewhere; decision 0027): a lookup that knows each file's media type and version and refuses any path outside
 * the console's folder. Independent of the HTTP server; the API's route table serves it.
 */
package dev.mailtrail.app.console;
