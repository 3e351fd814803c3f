package dev.mailtrail.demo.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo proxy's certificate and key as PEM files ({@code tls/demo-cert.pem}, {@code tls/demo-key.pem} under
 * the data directory): made on first start, reused on every later one so that a mail client told to trust it
 * once keeps trusting it.
 *
 * @param certificate the PEM certificate chain file (one self-signed certificate)
 * @param privateKey the PEM PKCS #8 private key file, readable by its owner only
 * @param created whether this start made them
 */
public record DemoCertificate(Path certificate, Path privateKey, boolean created) {
    /** How long a made certificate is valid: clients accept up to 825 days for a self-signed server. */
    static final Duration VALIDITY = Duration.ofDays(825);

    static final String SUBJECT = "CN=MailTrail demo, O=MailTrail";

    /** Reads the certificate under {@code dataDirectory}, or makes and writes one valid from now. */
    public static DemoCertificate loadOrCreate(Path dataDirectory, Clock clock) {
        Path dir = dataDirectory.resolve("tls");
        Path certificate = dir.resolve("demo-cert.pem");
        Path privateKey = dir.resolve("demo-key.pem");
        if (Files.isRegularFile(certificate) && Files.isRegularFile(privateKey)) {
            return new DemoCertificate(certificate, privateKey, false);
        }
        try {
            Files.createDirectories(dir);
            KeyPair keys = keyPair();
            X509CertificateHolder holder = selfSigned(keys, clock.instant());
            writeAtomically(privateKey, pem(new JcaPKCS8Generator(keys.getPrivate(), null)), true);
            writeAtomically(certificate, pem(holder), false);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the demo certificate under " + dir, e);
        }
        return new DemoCertificate(certificate, privateKey, true);
    }

    /** The certificate as the JDK reads it. */
    public X509Certificate x509() {
        try (var in = Files.newInputStream(certificate)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + certificate, e);
        } catch (CertificateException e) {
            throw new IllegalStateException(certificate + " holds no X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The certificate's SHA-256 fingerprint as {@code AA:BB:…}, what a mail client shows before trusting it. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 of " + certificate, e);
        }
    }

    private static KeyPair keyPair() {
        try {
            // RSA 2048: the key every mail client and TLS stack accepts, old ones included.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make RSA keys", e);
        }
    }

    private static X509CertificateHolder selfSigned(KeyPair keys, Instant now) throws IOException {
        X500Name subject = new X500Name(SUBJECT);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1"),
        }));
        try {
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("signing the demo certificate", e);
        }
    }

    private static String pem(Object object) throws IOException {
        if (object instanceof JcaPKCS8Generator pkcs8) {
            object = pkcs8.generate();
        }
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static void writeAtomically(Path target, String content, boolean ownerOnly) throws IOException {
        Path temporary =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        if (ownerOnly && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
