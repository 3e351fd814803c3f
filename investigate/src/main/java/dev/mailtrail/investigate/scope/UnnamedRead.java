package dev.mailtrail.investigate.scope;

import java.time.Instant;

/**
 * Items the attacker read that the record counts but does not name: a MailItemsAccessed Bind record whose
 * {@code OperationCount} is more than the items its {@code Folders} list, as when PowerShell saved it below its
 * depth ({@code FolderItems=System.Object[]}) or an export cut it short. A read all the same: counted, with its
 * folder, session and IP, and the export that would name the items.
 *
 * @param folder the folder the record names, or null where it names none
 * @param items how many items were read without being named
 * @param export where the items are named: the export to make of the same records
 */
public record UnnamedRead(Instant time, String folder, int items, AccessContext access, String export) {}
