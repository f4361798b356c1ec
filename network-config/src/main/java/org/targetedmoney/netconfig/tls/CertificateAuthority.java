package org.targetedmoney.netconfig.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * The certificate authority of one validator network: a self-signed CA certificate (basicConstraints CA with
 * path length 0, keyCertSign) and the node certificates it signs for mutual TLS (serverAuth and clientAuth, SAN
 * DNS localhost plus the node's host). Keys are EC P-256 from the given SecureRandom; signatures are
 * SHA256withECDSA. Peers trust exactly this CA, so a certificate from any other CA is refused by the handshake.
 */
public final class CertificateAuthority {
    public static final String KEY_CURVE = "secp256r1";
    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    /** Serial numbers are random and positive, below 2^127 (RFC 5280 allows at most 20 octets). */
    private static final int SERIAL_BITS = 127;

    private final Issued ca;
    private final SecureRandom random;

    /** A private key and its certificate; {@code toString} never shows the key. */
    public record Issued(PrivateKey privateKey, X509Certificate certificate) {
        public Issued {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(certificate, "certificate");
        }

        @Override
        public String toString() {
            return "Issued[subject=" + certificate.getSubjectX500Principal().getName() + ", privateKey=<hidden>]";
        }
    }

    private CertificateAuthority(Issued ca, SecureRandom random) {
        this.ca = ca;
        this.random = random;
    }

    /** A new CA named {@code commonName}, valid from {@code notBefore} to {@code notAfter}. */
    public static CertificateAuthority create(String commonName, Instant notBefore, Instant notAfter,
                                              SecureRandom random) {
        KeyPair pair = newKeyPair(random);
        X500Name name = name(commonName);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, name, pair.getPublic(), notBefore, notAfter, random)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return new CertificateAuthority(new Issued(pair.getPrivate(), sign(builder, pair.getPrivate())), random);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the CA certificate: " + e.getMessage(), e);
        }
    }

    /** The CA of an existing network, from its certificate and key (to add nodes later). */
    public static CertificateAuthority of(Issued ca, SecureRandom random) {
        return new CertificateAuthority(ca, random);
    }

    /** The CA's key and certificate. */
    public Issued ca() {
        return ca;
    }

    /**
     * A node certificate for {@code nodeId} (its common name) reachable at {@code host} (an IP literal or a DNS
     * name), valid from {@code notBefore} to {@code notAfter} (capped at the CA's own end of validity).
     */
    public Issued issueNode(String nodeId, String host, Instant notBefore, Instant notAfter) {
        KeyPair pair = newKeyPair(random);
        Instant end = notAfter.isAfter(ca.certificate().getNotAfter().toInstant())
                ? ca.certificate().getNotAfter().toInstant() : notAfter;
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name(ca.certificate()), name(nodeId), pair.getPublic(),
                    notBefore, end, random)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    // digitalSignature: ECDHE_ECDSA handshakes sign with the node key on both sides.
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, subjectAltNames(host))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
            return new Issued(pair.getPrivate(), sign(builder, ca.privateKey()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the certificate of " + nodeId + ": " + e.getMessage(), e);
        }
    }

    /** DNS localhost (peers on one machine dial it), then the host as an IP address or a DNS name. */
    static GeneralNames subjectAltNames(String host) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        if (IPAddress.isValid(host)) {
            names.add(new GeneralName(GeneralName.iPAddress, host));
        } else if (!host.equalsIgnoreCase("localhost")) {
            names.add(new GeneralName(GeneralName.dNSName, host));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
                                                    Instant notBefore, Instant notAfter, SecureRandom random) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("validity ends (" + notAfter + ") before it starts (" + notBefore + ")");
        }
        BigInteger serial = new BigInteger(SERIAL_BITS, random).setBit(0);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws CertificateException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no " + SIGNATURE_ALGORITHM + " signer: " + e.getMessage(), e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static X500Name name(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static KeyPair newKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(KEY_CURVE), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC " + KEY_CURVE + " key generation is unavailable: " + e.getMessage(), e);
        }
    }
}
