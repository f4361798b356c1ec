package org.targetedmoney.netconfig.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(365));
    private final SecureRandom random = new SecureRandom();
    private final CertificateAuthority ca = CertificateAuthority.create("test CA", START, END, random);

    @Test
    void create_isASelfSignedCaForSigningCertificatesOnly() throws Exception {
        X509Certificate cert = ca.ca().certificate();
        assertThat(cert.getBasicConstraints()).isZero(); // a CA, path length 0: it signs node certificates only
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isFalse();
        assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
        cert.verify(cert.getPublicKey());
        assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    }

    @Test
    void issueNode_chainsToTheCaWithSanLocalhostAndHostIpAndBothTlsUsages() throws Exception {
        X509Certificate node = ca.issueNode("node-1", "10.1.2.3", START, END).certificate();
        assertThat(Certificates.chainProblem(node, ca.ca().certificate(), START.plusSeconds(60))).isNull();
        assertThat(node.getBasicConstraints()).isEqualTo(-1);
        assertThat(node.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(node.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
                List.of(7, "10.1.2.3"));
        assertThat(node.getSubjectX500Principal().getName()).isEqualTo("CN=node-1");
        assertThat(node.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(node.getPublicKey().toString()).contains("secp256r1");
    }

    @Test
    void issueNode_dnsHost_isADnsName() throws Exception {
        X509Certificate node = ca.issueNode("node-1", "validator1.example.org", START, END).certificate();
        assertThat(node.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
                List.of(2, "validator1.example.org"));
    }

    @Test
    void chainProblem_certificateOfAnotherCa_isNamed() {
        CertificateAuthority other = CertificateAuthority.create("other CA", START, END, random);
        X509Certificate foreign = other.issueNode("node-1", "127.0.0.1", START, END).certificate();
        assertThat(Certificates.chainProblem(foreign, ca.ca().certificate(), START.plusSeconds(60)))
                .startsWith("does not chain to the network CA");
    }

    @Test
    void chainProblem_expiredOrNotYetValid_isNamed() {
        X509Certificate node = ca.issueNode("node-1", "127.0.0.1", START, START.plus(Duration.ofDays(1)))
                .certificate();
        assertThat(Certificates.chainProblem(node, ca.ca().certificate(), START.plus(Duration.ofDays(2))))
                .isNotNull();
        assertThat(Certificates.chainProblem(node, ca.ca().certificate(), START.minusSeconds(1))).isNotNull();
    }

    @Test
    void issueNode_validityBeyondTheCa_isCappedAtTheCasEnd() {
        X509Certificate node = ca.issueNode("node-1", "127.0.0.1", START, END.plus(Duration.ofDays(10)))
                .certificate();
        assertThat(node.getNotAfter()).isEqualTo(ca.ca().certificate().getNotAfter());
    }

    @Test
    void keyMatches_onlyForTheCertificatesOwnKey() {
        CertificateAuthority.Issued a = ca.issueNode("node-1", "127.0.0.1", START, END);
        CertificateAuthority.Issued b = ca.issueNode("node-2", "127.0.0.1", START, END);
        assertThat(Certificates.keyMatches(a.privateKey(), a.certificate())).isTrue();
        assertThat(Certificates.keyMatches(b.privateKey(), a.certificate())).isFalse();
    }

    @Test
    void pem_roundTripsCertificateAndPkcs8Key() throws Exception {
        CertificateAuthority.Issued node = ca.issueNode("node-1", "127.0.0.1", START, END);
        String keyPem = Pem.privateKey(node.privateKey());
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Pem.parsePrivateKey(keyPem).getEncoded()).isEqualTo(node.privateKey().getEncoded());
        assertThat(Pem.parseCertificate(Pem.certificate(node.certificate()))).isEqualTo(node.certificate());
    }

    @Test
    void pem_keyWhereACertificateIsExpected_isRefusedWithoutShowingTheKey() {
        String keyPem = Pem.privateKey(ca.ca().privateKey());
        assertThatThrownBy(() -> Pem.parseCertificate(keyPem)).isInstanceOf(CertificateException.class)
                .hasMessage("expected one PEM CERTIFICATE, found PrivateKey");
        assertThatThrownBy(() -> Pem.parsePrivateKey(Pem.certificate(ca.ca().certificate())))
                .hasMessageStartingWith("expected one PEM PRIVATE KEY");
        assertThatThrownBy(() -> Pem.parseCertificate("")).hasMessage("no PEM object found");
    }

    @Test
    void issued_toString_hidesTheKey() {
        assertThat(ca.ca().toString()).contains("<hidden>").doesNotContain(ca.ca().privateKey().toString());
    }
}
