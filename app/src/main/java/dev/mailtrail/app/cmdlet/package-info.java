/**
 * Exchange's cmdlets as {@code mt} subcommands: {@code mt Set-Mailbox -Identity X -AuditOwner @{Add="…"}},
 * {@code mt Get-Mailbox}, {@code mt Search-UnifiedAuditLog …}. The shell's words are joined back into one
 * PowerShell line (quoting words the shell unquoted) and parsed as Exchange would, so a line reads the same typed
 * here or in Exchange Online PowerShell.
 */
package dev.mailtrail.app.cmdlet;
