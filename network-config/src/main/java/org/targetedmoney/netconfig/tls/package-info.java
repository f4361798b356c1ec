/**
 * TLS material of a validator network: a network certificate authority (EC P-256, self-signed), one certificate
 * per node signed by it for mutual TLS between peers (serverAuth and clientAuth, SAN localhost and the node's
 * host), PEM files (PKCS#8 keys) and {@link org.targetedmoney.netconfig.tls.TlsMaterial}, which loads a node's
 * files as JDK key and trust managers or as the certificate and key objects Ratis' gRPC TLS configuration takes.
 * Certificates are built with Bouncy Castle; the keys come from the JDK's SecureRandom.
 */
package org.targetedmoney.netconfig.tls;
