/**
 * The API's own audit trail: each sign-in, event post, search, export, scope and configuration change made through the
 * API becomes an admin record in the unified audit log, through the journal like every cmdlet.
 */
package dev.mailtrail.app.api.audit;
