package dev.mailtrail.demo.corpus;

import static dev.mailtrail.demo.corpus.AttachmentFiles.pdf;
import static dev.mailtrail.demo.corpus.AttachmentFiles.scannedPdf;
import static dev.mailtrail.demo.corpus.AttachmentFiles.zip;
import static dev.mailtrail.demo.corpus.DemoCorpus.ALICE;
import static dev.mailtrail.demo.corpus.DemoCorpus.BOB;
import static dev.mailtrail.demo.corpus.DemoCorpus.INBOX;
import static dev.mailtrail.demo.corpus.DemoCorpus.LOOKALIKE;
import static dev.mailtrail.demo.corpus.DemoCorpus.NORTHWIND;

import dev.mailtrail.demo.corpus.MailboxStory.Letter;
import java.util.List;

/**
 * alice's week: ordinary accounts-payable mail, and woven through it a vendor-impersonation fraud (new bank
 * details from {@code northwlnd.test}) and a payroll diversion attempt. Her INBOX is here; what she filed in
 * Finance and answered from Sent is in {@link AliceFiling}.
 */
final class AliceMailbox {
    static final String PAYROLL = "Payroll Team <payroll@demo.test>";
    private static final String IT = "IT Service Desk <servicedesk@demo.test>";
    private static final String CONTOSO = "Contoso Freight <invoices@contoso-freight.test>";
    private static final String FABRIKAM = "Fabrikam Office <ar@fabrikam.test>";
    static final String BANK = "Bank of Demo <notifications@bankofdemo.test>";

    private AliceMailbox() {}

    static MailboxStory story() {
        MailboxStory alice = new MailboxStory("alice@demo.test");
        Letter invoice = alice.letter(
                        INBOX,
                        1,
                        "08:14",
                        NORTHWIND,
                        ALICE,
                        "Invoice INV-2026-0412 from Northwind Supplies",
                        "Dear Alice,\n\nPlease find attached invoice INV-2026-0412 for the October deliveries,"
                                + " EUR 48,900.00, due 6 November 2026.\n\nPayment to our usual account at Barclays,"
                                + " IBAN GB33 BUKB 2020 1555 5555 55.\n\nKind regards,\nNorthwind Supplies Billing")
                .attach(StoryFiles.invoicePdf("INV-2026-0412", "Northwind Supplies Ltd", "48,900.00"))
                .seen();
        alice.letter(
                        INBOX,
                        1,
                        "08:40",
                        BOB,
                        ALICE,
                        "Q4 budget review",
                        "Alice,\n\nCan you pull the Q4 supplier spend by vendor before Wednesday's review? The top"
                                + " ten is enough.\n\nThanks,\nBob")
                .html()
                .seen();
        alice.letter(
                        INBOX,
                        1,
                        "09:02",
                        IT,
                        "All staff <staff@demo.test>",
                        "Scheduled maintenance on Saturday 7 November",
                        "Mail and the finance system will be unavailable on Saturday 7 November from 06:00 to"
                                + " 10:00 UTC while we apply updates.\n\nIT Service Desk")
                .seen();
        alice.letter(
                        INBOX,
                        1,
                        "10:21",
                        CONTOSO,
                        ALICE,
                        "Invoice CF-88231",
                        "Hello,\n\nInvoice CF-88231 for freight in October is attached: EUR 3,412.50, 30 days.\n\n"
                                + "Contoso Freight Accounts")
                .attach(StoryFiles.invoicePdf("CF-88231", "Contoso Freight", "3,412.50"))
                .seen();
        Letter payroll = alice.letter(
                        INBOX,
                        1,
                        "11:47",
                        PAYROLL,
                        ALICE,
                        "November payroll run - approval file",
                        "Hi Alice,\n\nThe November payroll file is attached for the usual cross-check before Bob"
                                + " approves it. Please do not forward.\n\nPayroll Team")
                .attach(zip("payroll-2026-11.zip", StoryFiles.payrollFiles()))
                .seen();
        alice.letter(
                        INBOX,
                        1,
                        "13:05",
                        "Treasury Insights <newsletter@treasury-insights.test>",
                        ALICE,
                        "Treasury Insights: five signs of invoice fraud",
                        "This month: five signs of invoice fraud. 1. A supplier changes bank details by email."
                                + " 2. Urgency. 3. A lookalike domain. 4. A new contact. 5. Pressure to skip the"
                                + " call-back.\n\nRead more on our website.")
                .html();
        Letter bankChange = alice.letter(
                        INBOX,
                        2,
                        "07:12",
                        LOOKALIKE,
                        ALICE,
                        "Updated bank details for Northwind Supplies",
                        "Dear Alice,\n\nFollowing our move to a new bank, please update our payment details"
                                + " before the next payment run. Invoice INV-2026-0412 should be paid to the new"
                                + " account:\n\nNORTHWIND SUPPLIES LTD\nIBAN GB29 LOOK 6016 1331 9268 19\n\nThe"
                                + " signed letter is attached. As the invoice is due this week, we would be"
                                + " grateful for a quick confirmation.\n\nKind regards,\nNorthwind Supplies Accounts")
                .attach(scannedPdf(
                        "northwind-bank-change-letter.pdf",
                        List.of(
                                "Northwind Supplies Ltd",
                                "Change of bank details",
                                "New IBAN: GB29 LOOK 6016 1331 9268 19",
                                "Signed: J. Moss, Finance Director"),
                        180_000))
                .seen();
        alice.letter(
                        INBOX,
                        2,
                        "08:55",
                        "Microsoft 365 <no-reply@m365-security.test>",
                        ALICE,
                        "Your password expires today",
                        "Your password for alice@demo.test expires today. Keep your current password by signing in"
                                + " at the link below within 24 hours.\n\nMicrosoft 365 Security")
                .html()
                .seen();
        alice.letter(
                        INBOX,
                        2,
                        "09:30",
                        FABRIKAM,
                        ALICE,
                        "Invoice FAB-5521 - office supplies",
                        "Dear customer,\n\nInvoice FAB-5521 (EUR 612.80) is attached.\n\nFabrikam Office")
                .attach(StoryFiles.invoicePdf("FAB-5521", "Fabrikam Office", "612.80"));
        Letter deposit = alice.letter(
                        INBOX,
                        2,
                        "13:20",
                        "Bob Nguyen <bob.nguyen@demo-test.test>",
                        ALICE,
                        "Change of direct deposit",
                        "Hi Alice,\n\nI have changed banks. Could you update my salary account before this month's"
                                + " payroll? New account: Revolut, IBAN LT12 3250 0123 4567 8910.\n\nI am in meetings all"
                                + " day, email is best.\n\nBob")
                .seen();
        alice.letter(
                        INBOX,
                        2,
                        "15:00",
                        "Finance Calendar <calendar@demo.test>",
                        ALICE,
                        "Invitation: Month-end close, Fri 6 Nov 14:00",
                        "Month-end close review, Friday 6 November, 14:00-15:00 UTC, room Thames and online.")
                .html()
                .seen();
        alice.letter(
                        INBOX,
                        3,
                        "08:03",
                        NORTHWIND,
                        ALICE,
                        "Statement of account - October 2026",
                        "Dear Alice,\n\nYour statement of account for October is attached. Open items: INV-2026-0412"
                                + " (EUR 48,900.00).\n\nNorthwind Supplies Billing")
                .attach(pdf(
                        "northwind-statement-2026-10.pdf", List.of("Statement of account", "INV-2026-0412 48,900.00")))
                .seen();
        alice.letter(INBOX, 3, "09:44", BOB, ALICE, "Lunch Thursday?", "Thai place at 12:30? Bob")
                .seen();
        alice.letter(
                        INBOX,
                        3,
                        "11:15",
                        "Vendor Onboarding <procurement@demo.test>",
                        ALICE,
                        "New vendor onboarding pack: Tailspin Toys",
                        "Alice,\n\nTailspin Toys' onboarding pack is attached (W-8, bank letter, contacts). Please"
                                + " verify the bank details by phone before setting them up.\n\nProcurement")
                .attach(zip("tailspin-onboarding.zip", StoryFiles.onboardingFiles()));
        Letter reminder = alice.letter(
                        INBOX,
                        3,
                        "14:02",
                        LOOKALIKE,
                        ALICE,
                        "Second reminder: INV-2026-0412 overdue",
                        "Dear Alice,\n\nWe still have not received payment of INV-2026-0412. Please pay today to"
                                + " the new account in our letter of 3 November to avoid a stop on deliveries.\n\n"
                                + "Northwind Supplies Accounts")
                .seen();
        alice.letter(
                        INBOX,
                        4,
                        "16:45",
                        BANK,
                        ALICE,
                        "Payment confirmation ref 55120",
                        "Payment ref 55120 of EUR 48,900.00 to NORTHWIND SUPPLIES LTD (GB29 LOOK 6016 1331 9268 19)"
                                + " has been executed.")
                .html();
        alice.letter(
                        INBOX,
                        5,
                        "08:20",
                        "External Audit <audit@kpmg-demo.test>",
                        ALICE,
                        "Year-end audit: request list",
                        "Dear Alice,\n\nOur request list for the year-end audit is attached; the vendor master changes log is"
                                + " item 7.\n\nExternal Audit")
                .attach(pdf(
                        "audit-request-list.pdf", List.of("Year-end audit request list", "7. Vendor master changes")));
        alice.letter(
                INBOX,
                5,
                "08:31",
                NORTHWIND,
                ALICE,
                "Overdue: invoice INV-2026-0412",
                "Dear Alice,\n\nWe have not received payment of INV-2026-0412, due 6 November. Please note our bank"
                        + " details have not changed. Please call us on +44 20 7946 0000 if in doubt.\n\nNorthwind"
                        + " Supplies Billing");

        AliceFiling.finance(alice);
        AliceFiling.sent(alice, invoice, bankChange, deposit, reminder, payroll);
        return alice;
    }
}
