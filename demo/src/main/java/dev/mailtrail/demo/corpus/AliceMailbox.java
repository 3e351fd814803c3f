package dev.mailtrail.demo.corpus;

import static dev.mailtrail.demo.corpus.AttachmentFiles.pdf;
import static dev.mailtrail.demo.corpus.AttachmentFiles.scannedPdf;
import static dev.mailtrail.demo.corpus.AttachmentFiles.zip;
import static dev.mailtrail.demo.corpus.DemoCorpus.ALICE;
import static dev.mailtrail.demo.corpus.DemoCorpus.BOB;
import static dev.mailtrail.demo.corpus.DemoCorpus.FINANCE;
import static dev.mailtrail.demo.corpus.DemoCorpus.INBOX;
import static dev.mailtrail.demo.corpus.DemoCorpus.LOOKALIKE;
import static dev.mailtrail.demo.corpus.DemoCorpus.NORTHWIND;
import static dev.mailtrail.demo.corpus.DemoCorpus.SENT;

import dev.mailtrail.demo.corpus.MailboxStory.Letter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * alice's week: ordinary accounts-payable mail, and woven through it a vendor-impersonation fraud (new bank
 * details from {@code northwlnd.test}) and a payroll diversion attempt. The messages an attacker would go for
 * (invoices, bank details, payroll) sit in INBOX and Finance; her answers sit in Sent.
 */
final class AliceMailbox {
    private static final String PAYROLL = "Payroll Team <payroll@demo.test>";
    private static final String IT = "IT Service Desk <servicedesk@demo.test>";
    private static final String CONTOSO = "Contoso Freight <invoices@contoso-freight.test>";
    private static final String FABRIKAM = "Fabrikam Office <ar@fabrikam.test>";
    private static final String BANK = "Bank of Demo <notifications@bankofdemo.test>";

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
                .attach(invoicePdf("INV-2026-0412", "Northwind Supplies Ltd", "48,900.00"))
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
                .attach(invoicePdf("CF-88231", "Contoso Freight", "3,412.50"))
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
                .attach(zip("payroll-2026-11.zip", payrollFiles()))
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
                .attach(invoicePdf("FAB-5521", "Fabrikam Office", "612.80"));
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
                .attach(zip("tailspin-onboarding.zip", onboardingFiles()));
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

        finance(alice);
        sent(alice, invoice, bankChange, deposit, reminder, payroll);
        return alice;
    }

    private static void finance(MailboxStory alice) {
        alice.letter(
                        FINANCE,
                        1,
                        "08:16",
                        NORTHWIND,
                        ALICE,
                        "Invoice INV-2026-0412 from Northwind Supplies",
                        "Filed copy. Invoice INV-2026-0412, EUR 48,900.00, due 6 November 2026.")
                .attach(invoicePdf("INV-2026-0412", "Northwind Supplies Ltd", "48,900.00"))
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
                            BANK,
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
                .attach(zip("vendor-master-2026-11-03.zip", vendorMaster()))
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
                        PAYROLL,
                        ALICE,
                        "Payroll bank file November - final",
                        "Final bank file for the November payroll. 212 employees, EUR 1,184,220.40.")
                .attach(zip("payroll-bankfile-2026-11.zip", payrollFiles()))
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

    private static void sent(
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

    private static Attachment invoicePdf(String number, String vendor, String amount) {
        return pdf(
                "invoice-" + number + ".pdf",
                List.of(
                        vendor,
                        "INVOICE " + number,
                        "Bill to: Demo Test Ltd, Accounts Payable",
                        "Total EUR " + amount));
    }

    private static Map<String, String> payrollFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "payroll-2026-11.csv",
                "employee,name,iban,net\n1001,Bob Nguyen,GB82 WEST 1234 5698 7654 32,7410.22\n"
                        + "1002,Alice Carter,GB94 BARC 1020 1530 0934 59,3120.80\n1003,Emma Stone,GB15 MIDL 4005 1512 3456 78,3988.10\n");
        files.put("README.txt", "Confidential. Net pay per employee for November 2026.\n");
        return files;
    }

    private static Map<String, String> onboardingFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("tailspin/contacts.txt", "Accounts: ar@tailspin.test, +1 425 555 0100\n");
        files.put("tailspin/bank-letter.txt", "Tailspin Toys Inc., account 0123456789, routing 021000021\n");
        return files;
    }

    private static Map<String, String> vendorMaster() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "vendor-master.csv",
                "vendor,name,iban,changed\nV100,Northwind Supplies Ltd,GB29 LOOK 6016 1331 9268 19,2026-11-03\n"
                        + "V101,Contoso Freight,DE89 3704 0044 0532 0130 00,2024-02-11\nV102,Fabrikam Office,FR14 2004 1010 0505 0001 3M02 606,2023-09-30\n");
        return files;
    }
}
