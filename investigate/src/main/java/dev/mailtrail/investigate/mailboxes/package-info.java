/**
 * Which names stand for one mailbox in a case: UPN, mailbox GUID, SIDs, UserKey, ExternalDirectoryObjectId,
 * display name, legacy DN, learned from audit records and Get-Mailbox exports, each merge with its evidence. Pure:
 * audit-core's records in, values out; reading a Get-Mailbox CSV and the JSON form are the only I/O.
 */
package dev.mailtrail.investigate.mailboxes;
