package dev.mailtrail.demo.corpus;

import static dev.mailtrail.demo.corpus.AttachmentFiles.pdf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contents of the story's attachments: invoices, payroll and vendor files. */
final class StoryFiles {
    private StoryFiles() {}

    static Attachment invoicePdf(String number, String vendor, String amount) {
        return pdf(
                "invoice-" + number + ".pdf",
                List.of(
                        vendor,
                        "INVOICE " + number,
                        "Bill to: Demo Test Ltd, Accounts Payable",
                        "Total EUR " + amount));
    }

    static Map<String, String> payrollFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "payroll-2026-11.csv",
                "employee,name,iban,net\n1001,Bob Nguyen,GB82 WEST 1234 5698 7654 32,7410.22\n"
                        + "1002,Alice Carter,GB94 BARC 1020 1530 0934 59,3120.80\n1003,Emma Stone,GB15 MIDL 4005 1512 3456 78,3988.10\n");
        files.put("README.txt", "Confidential. Net pay per employee for November 2026.\n");
        return files;
    }

    static Map<String, String> onboardingFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("tailspin/contacts.txt", "Accounts: ar@tailspin.test, +1 425 555 0100\n");
        files.put("tailspin/bank-letter.txt", "Tailspin Toys Inc., account 0123456789, routing 021000021\n");
        return files;
    }

    static Map<String, String> vendorMaster() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "vendor-master.csv",
                "vendor,name,iban,changed\nV100,Northwind Supplies Ltd,GB29 LOOK 6016 1331 9268 19,2026-11-03\n"
                        + "V101,Contoso Freight,DE89 3704 0044 0532 0130 00,2024-02-11\nV102,Fabrikam Office,FR14 2004 1010 0505 0001 3M02 606,2023-09-30\n");
        return files;
    }
}
