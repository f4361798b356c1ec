package org.targetedmoney.netconfig.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Checks of certificates: fingerprints (as network.json and node.json write them), chains, key pairs. */
public final class Certificates {
    /** A fingerprint: SHA-256 of the DER encoding, 64 lower-case hex digits (what {@code openssl x509 -fingerprint
     * -sha256} prints, without the colons). */
    public static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private Certificates() {}

    /** The SHA-256 fingerprint of {@code certificate}, in lower-case hex. */
    public static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Checks that {@code certificate} chains to {@code ca} (PKIX, the CA as the only trust anchor, no revocation
     * lists: a network CA publishes none) and that both are valid at {@code at}.
     *
     * @return null if it does, else what is wrong
     */
    public static String chainProblem(X509Certificate certificate, X509Certificate ca, Instant at) {
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return "does not chain to the network CA: " + e.getMessage();
        } catch (GeneralSecurityException e) {
            return "cannot be checked: " + e.getMessage();
        }
    }

    /** True if {@code key} is the private key of {@code certificate}'s public key (checked by a signature). */
    public static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(CertificateAuthority.SIGNATURE_ALGORITHM);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(CertificateAuthority.SIGNATURE_ALGORITHM);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
