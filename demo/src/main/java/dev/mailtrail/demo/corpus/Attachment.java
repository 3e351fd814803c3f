package dev.mailtrail.demo.corpus;

/**
 * A file attached to a demo message, sent base64-encoded.
 *
 * @param fileName the name the recipient sees
 * @param contentType its MIME type, e.g. {@code application/pdf}
 * @param content the file's bytes
 */
public record Attachment(String fileName, String contentType, byte[] content) {}
