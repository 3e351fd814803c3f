/**
 * What the HTTP API's search, export, configuration and scope endpoints do, apart from HTTP: query parameters with
 * the cmdlets' names in, Exchange's results and errors out, streamed with cursor paging and limited to a management
 * scope. The same parameter binding and writers as the command line, so a query means the same records in both.
 */
package dev.mailtrail.app.api.search;
