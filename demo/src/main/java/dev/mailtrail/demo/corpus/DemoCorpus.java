package dev.mailtrail.demo.corpus;

import static dev.mailtrail.demo.corpus.AttachmentFiles.pdf;
import static dev.mailtrail.demo.corpus.AttachmentFiles.zip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every message the demo servers hold, the same bytes on every run. alice (accounts payable at Demo Test Ltd)
 * holds the story of a business email compromise across INBOX, Finance and Sent: vendor invoices, a "new bank
 * details" letter from a lookalike domain, a payroll diversion request, the CFO's real mail; bob and mallory
 * hold a few messages of their own.
 */
public final class DemoCorpus {
    public static final String INBOX = "INBOX";
    public static final String FINANCE = "Finance";
    public static final String SENT = "Sent";

    static final String ALICE = "Alice Carter <alice@demo.test>";
    static final String BOB = "Bob Nguyen <bob@demo.test>";
    static final String MALLORY = "Mallory Quinn <mallory@demo.test>";
    static final String NORTHWIND = "Northwind Supplies Billing <billing@northwind.test>";
    static final String LOOKALIKE = "Northwind Supplies Accounts <accounts@northwlnd.test>";

    private DemoCorpus() {}

    /** All messages: alice's first, then bob's, then mallory's. */
    public static List<SeedMessage> messages() {
        List<SeedMessage> all = new ArrayList<>(AliceMailbox.story().messages());
        all.addAll(bob().messages());
        all.addAll(mallory().messages());
        return List.copyOf(all);
    }

    /** The folders a user's messages sit in, INBOX first. */
    public static List<String> folders(List<SeedMessage> messages, String owner) {
        List<String> folders = new ArrayList<>(List.of(INBOX));
        for (SeedMessage message : messages) {
            if (message.owner().equals(owner) && !folders.contains(message.folder())) {
                folders.add(message.folder());
            }
        }
        return folders;
    }

    private static MailboxStory bob() {
        MailboxStory bob = new MailboxStory("bob@demo.test");
        bob.letter(
                        INBOX,
                        1,
                        "07:58",
                        "Board Secretary <board@demo.test>",
                        BOB,
                        "Board pack for the 12 November meeting",
                        "Bob,\n\nThe board pack is attached. Please send the finance section by Friday.\n\nThanks,\nEmma")
                .attach(pdf("board-pack-2026-11.pdf", List.of("Demo Test Ltd - Board pack", "12 November 2026")))
                .seen();
        bob.letter(
                        INBOX,
                        2,
                        "10:05",
                        ALICE,
                        BOB,
                        "Payment run for approval",
                        "Hi Bob,\n\nThe payment run for Thursday is ready for your approval: 14 invoices,"
                                + " EUR 182,440.17 in total. The list is in the Finance folder.\n\nAlice")
                .seen();
        bob.letter(
                        INBOX,
                        4,
                        "16:40",
                        "Bank of Demo <notifications@bankofdemo.test>",
                        BOB,
                        "Outgoing payment released: EUR 48,900.00",
                        "A payment of EUR 48,900.00 to NORTHWIND SUPPLIES LTD, IBAN GB29 LOOK 6016 1331 9268 19,"
                                + " was released today at 16:32.\n\nIf you did not expect this payment, call us now.")
                .html();
        bob.letter(
                INBOX,
                5,
                "08:12",
                "Northwind Supplies Billing <billing@northwind.test>",
                BOB,
                "Overdue: invoice INV-2026-0412",
                "Dear Mr Nguyen,\n\nWe have not received payment of invoice INV-2026-0412 (EUR 48,900.00),"
                        + " due on 6 November. Our bank details have not changed.\n\nKind regards,\nNorthwind Billing");
        return bob;
    }

    private static MailboxStory mallory() {
        MailboxStory mallory = new MailboxStory("mallory@demo.test");
        mallory.letter(
                        INBOX,
                        1,
                        "02:10",
                        "Domain Registrar <no-reply@registrar.test>",
                        MALLORY,
                        "Your domain northwlnd.test is registered",
                        "Your registration of northwlnd.test is complete. Mail forwarding is active.")
                .seen();
        mallory.letter(
                        INBOX,
                        2,
                        "13:31",
                        "Mail Delivery System <mailer-daemon@demo.test>",
                        MALLORY,
                        "Undelivered Mail Returned to Sender",
                        "Your message to payroll@demo.test could not be delivered: mailbox unavailable.")
                .seen();
        Map<String, String> harvest = new LinkedHashMap<>();
        harvest.put("vendors.txt", "Northwind Supplies - billing@northwind.test - monthly, ~EUR 50k\n");
        harvest.put("contacts.txt", "alice@demo.test AP clerk\nbob@demo.test CFO, approves payment runs\n");
        mallory.letter(INBOX, 3, "22:47", MALLORY, MALLORY, "notes", "targets and vendors, see attached")
                .attach(zip("notes.zip", harvest));
        return mallory;
    }
}
