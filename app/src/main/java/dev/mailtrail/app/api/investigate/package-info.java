/**
 * The API's investigation routes: audit search and export as the cmdlets have them, the scope of a compromise and
 * the audit configuration cmdlets, each a thin HTTP face of {@code app.api.search}, each call recorded in the
 * unified audit log as Purview records its own searches.
 */
package dev.mailtrail.app.api.investigate;
