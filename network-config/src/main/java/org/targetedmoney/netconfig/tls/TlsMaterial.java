package org.targetedmoney.netconfig.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A node's TLS files for mutual TLS with its peers: its certificate and PKCS#8 key, and the network CA it trusts
 * (and only that CA). Gives either the PEM objects (what Ratis' {@code GrpcTlsConfig(PrivateKey, X509Certificate,
 * X509Certificate, boolean)} takes) or JDK key and trust manager factories. {@code toString} never shows the key.
 */
public record TlsMaterial(X509Certificate certificate, PrivateKey privateKey, X509Certificate caCertificate) {
    /** The file names in a node directory written by {@code network-config network}. */
    public static final String CERTIFICATE_FILE = "node.crt";
    public static final String PRIVATE_KEY_FILE = "node.key";
    public static final String CA_FILE = "ca.crt";
    public static final String TLS_PROTOCOL = "TLSv1.3";

    private static final String KEY_ALIAS = "node";
    /** The in-memory key store never leaves the process, so its password protects nothing. */
    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    public TlsMaterial {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(caCertificate, "caCertificate");
    }

    /** Loads {@code node.crt}, {@code node.key} and {@code ca.crt} from a node directory. */
    public static TlsMaterial load(Path nodeDir) throws IOException, CertificateException {
        return load(nodeDir.resolve(CERTIFICATE_FILE), nodeDir.resolve(PRIVATE_KEY_FILE), nodeDir.resolve(CA_FILE));
    }

    /** Loads the three PEM files (e.g. the paths of node.json's {@code tls} section). */
    public static TlsMaterial load(Path certificateFile, Path privateKeyFile, Path caFile)
            throws IOException, CertificateException {
        X509Certificate certificate = certificate(certificateFile);
        PrivateKey key;
        try {
            key = Pem.parsePrivateKey(read(privateKeyFile));
        } catch (CertificateException e) {
            throw new CertificateException(privateKeyFile + ": " + e.getMessage(), e);
        }
        return new TlsMaterial(certificate, key, certificate(caFile));
    }

    /** Reads one PEM certificate file; the exception names the file. */
    public static X509Certificate certificate(Path file) throws IOException, CertificateException {
        try {
            return Pem.parseCertificate(read(file));
        } catch (CertificateException e) {
            throw new CertificateException(file + ": " + e.getMessage(), e);
        }
    }

    /** Key managers presenting this node's certificate (with the CA certificate as its chain). */
    public KeyManagerFactory keyManagerFactory() throws GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setKeyEntry(KEY_ALIAS, privateKey, IN_MEMORY_PASSWORD,
                new X509Certificate[] {certificate, caCertificate});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, IN_MEMORY_PASSWORD);
        return factory;
    }

    /** Trust managers trusting the network CA and nothing else (not the JDK's default CAs). */
    public TrustManagerFactory trustManagerFactory() throws GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setCertificateEntry("network-ca", caCertificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    /** A TLS 1.3 context with both: a peer's server and client side of mutual TLS. */
    public SSLContext sslContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance(TLS_PROTOCOL);
        context.init(keyManagerFactory().getKeyManagers(), trustManagerFactory().getTrustManagers(), null);
        return context;
    }

    @Override
    public String toString() {
        return "TlsMaterial[certificate=" + certificate.getSubjectX500Principal().getName() + ", ca="
                + caCertificate.getSubjectX500Principal().getName() + ", privateKey=<hidden>]";
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("an empty in-memory key store cannot fail to load", e);
        }
        return store;
    }

    private static String read(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(Math.toIntExact(Pem.MAX_FILE_BYTES + 1));
            if (bytes.length > Pem.MAX_FILE_BYTES) {
                throw new CertificateException(file + ": larger than " + Pem.MAX_FILE_BYTES + " bytes, not a PEM file");
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        }
    }
}
