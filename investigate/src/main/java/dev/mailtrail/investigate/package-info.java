/**
 * Investigation of real Microsoft 365 audit exports: importing them into a case, scope analysis, reports.
 * Uses audit-core's record model and audit-format's AuditData codec; knows no store and no CLI.
 */
package dev.mailtrail.investigate;
