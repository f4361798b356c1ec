package org.targetedmoney.node.ordering;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Mutual TLS between the peers of a group: this peer's certificate and key, and the one CA whose
 * certificates it accepts. Every Raft connection (peer to peer, and this peer's client to any
 * leader) presents {@code certificate} and refuses a certificate not issued by {@code trustedCa}.
 * {@code toString} never shows the key.
 */
public record PeerTls(X509Certificate certificate, PrivateKey privateKey, X509Certificate trustedCa) {
  public PeerTls {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(trustedCa, "trustedCa");
  }

  @Override
  public String toString() {
    return "PeerTls[certificate=" + certificate.getSubjectX500Principal().getName() + ", trustedCa="
        + trustedCa.getSubjectX500Principal().getName() + ", privateKey=<hidden>]";
  }
}
