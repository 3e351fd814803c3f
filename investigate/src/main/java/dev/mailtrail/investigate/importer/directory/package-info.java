/**
 * Directory exports that tell a case which names are one mailbox's ({@code Get-Mailbox | Export-Csv}); they carry
 * no audit records, only links for {@link dev.mailtrail.investigate.mailboxes.MailboxDirectory}.
 */
package dev.mailtrail.investigate.importer.directory;
