package dev.mailtrail.demo.corpus;

import static dev.mailtrail.demo.corpus.AttachmentFiles.pdf;
import static dev.mailtrail.demo.corpus.AttachmentFiles.zip;
import static dev.mailtrail.demo.corpus.DemoCorpus.ALICE;
import static dev.mailtrail.demo.corpus.DemoCorpus.BOB;
import static dev.mailtrail.demo.corpus.DemoCorpus.FINANCE;
import static dev.mailtrail.demo.corpus.DemoCorpus.LOOKALIKE;
import static dev.mailtrail.demo.corpus.DemoCorpus.NORTHWIND;
import static dev.mailtrail.demo.corpus.DemoCorpus.SENT;

import dev.mailtrail.demo.corpus.MailboxStory.Letter;
import java.util.List;

/** What alice filed in Finance (invoices, remittances, payment runs, payroll files) and what she sent. */
final class AliceFiling {
    private AliceFiling() {}

    static void finance(MailboxStory alice) {
        alice.letter(
                        FINANCE,
                        1,
                        "08:16",
                        NORTHWIND,
                        ALICE,
                        "Invoice INV-2026-0412 from Northwind Supplies",
                        "Filed copy. Invoice INV-2026-0412, EUR 48,900.00, due 6 November 2026.")
                .attach(StoryFiles.invoicePdf("INV-2026-0412", "Northwind Supplies Ltd", "48,900.00"))
                .seen();
        String[][] remittances = {
            {"Remittance advice RA-7781 - Contoso Freight", "3,018.00"},
            {"Remittance advice RA-7782 - Fabrikam Office", "540.25"},
            {"Remittance advice RA-7783 - Northwind Supplies", "47,210.00"},
            {"Remittance advice RA-7784 - Adventure Works", "12,800.00"}
        };
        for (int i = 0; i < remittances.length; i++) {
            alice.letter(
                            FINANCE,
                            1,
                            "09:1" + i,
                            AliceMailbox.BANK,
                            ALICE,
                            remittances[i][0],
                            "Remittance advice attached. Amount: EUR " + remittances[i][1] + ".")
                    .attach(pdf("remittance-RA-778" + (i + 1) + ".pdf", List.of(remittances[i][0], remittances[i][1])))
                    .seen();
        }
        alice.letter(
                        FINANCE,
                        2,
                        "10:05",
                        ALICE,
                        BOB,
                        "Payment run 2026-11-05 for approval",
                        "Bob,\n\n14 invoices, EUR 182,440.17. Approval list attached.\n\nAlice")
                .attach(pdf("payment-run-2026-11-05.pdf", List.of("Payment run 5 November 2026", "Total 182,440.17")))
                .seen();
        alice.letter(
                        FINANCE,
                        2,
                        "10:40",
                        "ERP System <erp@demo.test>",
                        ALICE,
                        "Vendor master data export",
                        "Scheduled export of the vendor master data, attached.")
                .attach(zip("vendor-master-2026-11-03.zip", StoryFiles.vendorMaster()))
                .seen();
        alice.letter(
                        FINANCE,
                        3,
                        "17:10",
                        BOB,
                        ALICE,
                        "Approved: payment run 2026-11-05",
                        "Approved. Please release tomorrow morning.\n\nBob")
                .html()
                .seen();
        alice.letter(
                        FINANCE,
                        4,
                        "09:00",
                        AliceMailbox.PAYROLL,
                        ALICE,
                        "Payroll bank file November - final",
                        "Final bank file for the November payroll. 212 employees, EUR 1,184,220.40.")
                .attach(zip("payroll-bankfile-2026-11.zip", StoryFiles.payrollFiles()))
                .seen();
        alice.letter(
                        FINANCE,
                        4,
                        "11:30",
                        "Internal Audit <internal.audit@demo.test>",
                        ALICE,
                        "Call-back procedure for bank detail changes",
                        "Reminder: every change of a vendor's bank details must be confirmed by a call to a number"
                                + " already on file, never one given in the request.")
                .seen();
    }

    static void sent(
            MailboxStory alice, Letter invoice, Letter bankChange, Letter deposit, Letter reminder, Letter payroll) {
        alice.letter(
                        SENT,
                        1,
                        "08:30",
                        ALICE,
                        NORTHWIND,
                        "Re: Invoice INV-2026-0412 from Northwind Supplies",
                        "Thanks, received and booked for the Thursday run.\n\nAlice")
                .answering(invoice)
                .seen();
        alice.letter(
                        SENT,
                        1,
                        "12:02",
                        ALICE,
                        "Payroll Team <payroll@demo.test>",
                        "Re: November payroll run - approval file",
                        "Checked, two new starters match HR's list. Passing to Bob.\n\nAlice")
                .answering(payroll)
                .seen();
        alice.letter(
                        SENT,
                        2,
                        "07:40",
                        ALICE,
                        LOOKALIKE,
                        "Re: Updated bank details for Northwind Supplies",
                        "Thank you, I have updated your bank details. INV-2026-0412 will be paid to the new account in Thursday's run.\n\nAlice")
                .answering(bankChange)
                .seen();
        alice.letter(
                        SENT,
                        2,
                        "13:45",
                        ALICE,
                        "Bob Nguyen <bob.nguyen@demo-test.test>",
                        "Re: Change of direct deposit",
                        "Hi Bob, done: your salary goes to the new account from this month.\n\nAlice")
                .answering(deposit)
                .seen();
        alice.letter(
                        SENT,
                        3,
                        "14:20",
                        ALICE,
                        LOOKALIKE,
                        "Re: Second reminder: INV-2026-0412 overdue",
                        "It is in today's run to GB29 LOOK 6016 1331 9268 19. Sorry for the delay.\n\nAlice")
                .answering(reminder)
                .seen();
        alice.letter(
                        SENT,
                        3,
                        "15:02",
                        ALICE,
                        BOB,
                        "Q4 supplier spend - top ten",
                        "Bob, top ten suppliers by Q4 spend attached.\n\nAlice")
                .attach(pdf(
                        "q4-top-ten-suppliers.pdf", List.of("Q4 supplier spend", "1. Northwind Supplies 146,700.00")))
                .seen();
    }
}
