/**
 * Exchange cmdlet lines as administrators type them ({@code Set-Mailbox -AuditOwner @{Add="MailboxLogin"}}):
 * the PowerShell-like syntax apart from what each cmdlet does to the audit configuration.
 */
package dev.mailtrail.core.cmdlet;
