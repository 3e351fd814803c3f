/**
 * What Exchange administrators type and read: the dates search cmdlets accept, and the cmdlets' output views
 * (Get-Mailbox's Audit* properties as Format-List shows them).
 */
package dev.mailtrail.app.admin;
