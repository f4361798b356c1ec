package org.targetedmoney.netconfig.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * PEM text of certificates ({@code CERTIFICATE}) and unencrypted PKCS#8 private keys ({@code PRIVATE KEY}), the
 * forms OpenSSL, gRPC and Ratis read. Parsing refuses anything else, so a swapped file is named, not misread.
 */
public final class Pem {
    /** A certificate or key file is a few hundred bytes; this bounds what a reader accepts. */
    public static final long MAX_FILE_BYTES = 64 * 1024;

    private Pem() {}

    /** The PEM text of {@code certificate}. */
    public static String certificate(X509Certificate certificate) {
        try {
            return write(new PemObject("CERTIFICATE", certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The PEM text of {@code key} as an unencrypted PKCS#8 {@code PRIVATE KEY} (the JDK's encoding of keys). */
    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("expected a PKCS#8-encoded private key, got " + key.getFormat());
        }
        return write(new PemObject("PRIVATE KEY", key.getEncoded()));
    }

    /** The one certificate in {@code text}; the message of the exception says what the text held instead. */
    public static X509Certificate parseCertificate(String text) throws CertificateException {
        Object object = single(text);
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new CertificateException("expected one PEM CERTIFICATE, found " + describe(object));
        }
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    /** The one PKCS#8 private key in {@code text}; the message of the exception never contains key material. */
    public static PrivateKey parsePrivateKey(String text) throws CertificateException {
        Object object = single(text);
        if (!(object instanceof PrivateKeyInfo info)) {
            throw new CertificateException("expected one PEM PRIVATE KEY (PKCS#8), found " + describe(object));
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException e) {
            throw new CertificateException("unsupported private key algorithm", e);
        }
    }

    private static Object single(String text) throws CertificateException {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object first = parser.readObject();
            if (first == null) {
                throw new CertificateException("no PEM object found");
            }
            if (parser.readObject() != null) {
                throw new CertificateException("more than one PEM object (expected exactly one)");
            }
            return first;
        } catch (IOException e) {
            // PEMParser's messages describe the structure, not the content.
            throw new CertificateException("malformed PEM: " + e.getMessage(), e);
        }
    }

    private static String describe(Object object) {
        return object.getClass().getSimpleName().replace("Holder", "").replace("Info", "");
    }

    private static String write(PemObject object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("writing PEM to a string cannot fail", e);
        }
        return text.toString();
    }
}
