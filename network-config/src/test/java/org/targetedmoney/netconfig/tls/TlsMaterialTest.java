package org.targetedmoney.netconfig.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.netconfig.network.TestNetworks;

/** Mutual TLS between two nodes of a generated network, with exactly the files the generator wrote. */
class TlsMaterialTest {
    /** A safety net so a broken handshake fails the test instead of hanging it; no timing is asserted. */
    private static final int SOCKET_TIMEOUT_MILLIS = 20_000;

    @TempDir
    Path tmp;

    private Path network;
    private Path foreign;
    private final ExecutorService server = Executors.newSingleThreadExecutor();

    @BeforeEach
    void writeTwoNetworks() throws IOException {
        network = tmp.resolve("net");
        foreign = tmp.resolve("other");
        TestNetworks.write(3, network);
        TestNetworks.write(3, foreign);
    }

    @AfterEach
    void stopServer() {
        server.shutdownNow();
    }

    @Test
    void load_nodeDirectory_givesTheNodesCertificateKeyAndCa() throws Exception {
        TlsMaterial material = TlsMaterial.load(network.resolve("node-1"));
        assertThat(material.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=node-1");
        assertThat(material.caCertificate()).isEqualTo(TlsMaterial.certificate(network.resolve("ca/ca.crt")));
        assertThat(Certificates.keyMatches(material.privateKey(), material.certificate())).isTrue();
        assertThat(material.toString()).contains("privateKey=<hidden>");
    }

    @Test
    void handshake_twoNodesOfOneNetwork_succeedsBothWays() throws Exception {
        String[] peers = handshake(TlsMaterial.load(network.resolve("node-1")),
                TlsMaterial.load(network.resolve("node-2")));
        assertThat(peers[0]).as("client seen by the server").isEqualTo("CN=node-2");
        assertThat(peers[1]).as("server seen by the client").isEqualTo("CN=node-1");
    }

    @Test
    void handshake_clientCertificateFromAnotherCa_isRefusedByTheServer() throws Exception {
        TlsMaterial serverNode = TlsMaterial.load(network.resolve("node-1"));
        TlsMaterial intruder = TlsMaterial.load(foreign.resolve("node-2"));
        // The intruder trusts our CA, so only the server's check of its certificate can stop it.
        TlsMaterial intruderTrustingUs = new TlsMaterial(intruder.certificate(), intruder.privateKey(),
                serverNode.caCertificate());
        assertThatThrownBy(() -> handshake(serverNode, intruderTrustingUs))
                .hasRootCauseInstanceOf(java.security.cert.CertPathValidatorException.class);
    }

    @Test
    void handshake_serverCertificateFromAnotherCa_isRefusedByTheClient() throws Exception {
        TlsMaterial client = TlsMaterial.load(network.resolve("node-2"));
        TlsMaterial impostor = TlsMaterial.load(foreign.resolve("node-1"));
        TlsMaterial impostorTrustingUs = new TlsMaterial(impostor.certificate(), impostor.privateKey(),
                client.caCertificate());
        assertThatThrownBy(() -> handshake(impostorTrustingUs, client))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void load_swappedFiles_nameTheFile() throws Exception {
        Path node = network.resolve("node-1");
        Files.copy(node.resolve("node.key"), node.resolve("node.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> TlsMaterial.load(node))
                .hasMessage(node.resolve("node.crt") + ": expected one PEM CERTIFICATE, found PrivateKey");
    }

    /**
     * Runs a mutual-TLS handshake over loopback: {@code serverNode} accepts (client certificate required),
     * {@code clientNode} connects. Returns the peer names each side saw; throws what the failing side threw.
     */
    private String[] handshake(TlsMaterial serverNode, TlsMaterial clientNode) throws Exception {
        SSLContext serverContext = serverNode.sslContext();
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            listener.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            Future<String> accepted = server.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                    socket.startHandshake();
                    socket.getOutputStream().write(1);
                    socket.getOutputStream().flush();
                    return socket.getSession().getPeerPrincipal().getName();
                }
            });
            String serverSeen;
            try (SSLSocket socket = (SSLSocket) clientNode.sslContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                socket.startHandshake();
                serverSeen = socket.getSession().getPeerPrincipal().getName();
                // In TLS 1.3 the server judges the client's certificate after the client's handshake is done:
                // reading makes the client see the server's verdict (an alert) or its byte.
                int read = socket.getInputStream().read();
                assertThat(read).isEqualTo(1);
            } catch (IOException clientFailure) {
                // Throw the verdict of the side that refused a certificate (the other side only saw an alert or a
                // reset, and which of the two finishes first is a race).
                Exception serverFailure = serverFailure(accepted);
                if (serverFailure != null && refusedACertificate(serverFailure) && !refusedACertificate(clientFailure)) {
                    throw serverFailure;
                }
                throw clientFailure;
            }
            return new String[] {getOrThrow(accepted), serverSeen};
        }
    }

    private static Exception serverFailure(Future<String> accepted) throws InterruptedException {
        try {
            accepted.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : null;
        }
    }

    /** Whether {@code e} is a side's own refusal of the certificate it was shown (not an alert it received). */
    private static boolean refusedACertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    private static String getOrThrow(Future<String> accepted) throws Exception {
        try {
            return accepted.get();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }
}
