package dev.mailtrail.demo.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files the story's messages carry: one-page PDF documents (real PDF 1.4 with a correct cross-reference
 * table, so viewers open them) and ZIP archives with fixed entry times, both byte-for-byte the same on every
 * run.
 */
public final class AttachmentFiles {
    /** 2026-11-01T00:00:00Z: every ZIP entry's time, so archives do not depend on when they were made. */
    private static final long ZIP_ENTRY_TIME = 1_793_491_200_000L;

    private AttachmentFiles() {}

    /** A PDF showing {@code lines}, one per row. */
    public static Attachment pdf(String fileName, List<String> lines) {
        return new Attachment(fileName, "application/pdf", pdfBytes(lines, 0));
    }

    /**
     * A PDF like a scanned page: the text plus {@code scanBytes} of deterministic noise in an image-like stream,
     * for messages whose size matters (a large attachment).
     */
    public static Attachment scannedPdf(String fileName, List<String> lines, int scanBytes) {
        return new Attachment(fileName, "application/pdf", pdfBytes(lines, scanBytes));
    }

    /** A ZIP archive of the given text files, in the map's iteration order. */
    public static Attachment zip(String fileName, Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(ZIP_ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + fileName + " in memory", e);
        }
        return new Attachment(fileName, "application/zip", bytes.toByteArray());
    }

    private static byte[] pdfBytes(List<String> lines, int scanBytes) {
        StringBuilder content = new StringBuilder("BT /F1 11 Tf 56 780 Td 14 TL\n");
        for (String line : lines) {
            content.append('(').append(pdfString(line)).append(") Tj T*\n");
        }
        content.append("ET\n");
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add(stream(content.toString()));
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        if (scanBytes > 0) {
            objects.add(stream(noise(scanBytes)));
        }
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        // Latin-1 keeps one char one byte, so the offsets counted in chars are byte offsets.
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String stream(String data) {
        return "<< /Length " + data.length() + " >>\nstream\n" + data + "\nendstream";
    }

    private static String noise(int length) {
        SplittableRandom random = new SplittableRandom(length);
        StringBuilder noise = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            noise.append((char) random.nextInt(256));
        }
        return noise.toString();
    }

    private static String pdfString(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }
}
