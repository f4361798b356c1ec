package org.targetedmoney.netconfig.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.netconfig.demo.PrivateFiles;
import org.targetedmoney.netconfig.genesis.GenesisWriter;
import org.targetedmoney.netconfig.network.NetworkGenerator.GeneratedNode;
import org.targetedmoney.netconfig.network.NetworkGenerator.Network;
import org.targetedmoney.netconfig.network.NetworkGenerator.Written;
import org.targetedmoney.netconfig.tls.Pem;
import org.targetedmoney.netconfig.tls.TlsMaterial;
import org.web3j.utils.Numeric;

/**
 * Writes a generated network's files. Private keys get mode 0600 from creation (never widened then narrowed),
 * directories holding them 0700; certificates, the genesis and the peer list are public.
 */
final class NetworkWriter {
    private NetworkWriter() {}

    static List<Written> write(Network network, Path dir) throws IOException {
        List<Written> written = new ArrayList<>();
        Path caDir = dir.resolve(NetworkLayout.CA_DIR);
        PrivateFiles.createPrivateDirectory(caDir);
        String caPem = Pem.certificate(network.ca().certificate());
        publicFile(caDir.resolve(NetworkLayout.CA_CERTIFICATE), caPem, "the network CA's certificate (valid until "
                + network.ca().certificate().getNotAfter().toInstant() + ")", written);
        privateFile(caDir.resolve(NetworkLayout.CA_KEY), Pem.privateKey(network.ca().privateKey()),
                "the CA's private key (0600): needed only to add nodes later; keep it offline", written);
        for (GeneratedNode node : network.nodes()) {
            Path nodeDir = NetworkLayout.nodeDir(dir, node.settings().nodeId());
            PrivateFiles.createPrivateDirectory(nodeDir);
            privateFile(nodeDir.resolve(NetworkLayout.VALIDATOR_KEY),
                    Numeric.toHexStringWithPrefixZeroPadded(node.validatorKey().getPrivateKey(), 64) + "\n",
                    "validator " + node.settings().address() + "'s secp256k1 key (0600)", written);
            publicFile(nodeDir.resolve(TlsMaterial.CERTIFICATE_FILE), Pem.certificate(node.tls().certificate()),
                    "TLS certificate of " + node.settings().nodeId(), written);
            privateFile(nodeDir.resolve(TlsMaterial.PRIVATE_KEY_FILE), Pem.privateKey(node.tls().privateKey()),
                    "TLS key (0600, EC P-256)", written);
            publicFile(nodeDir.resolve(TlsMaterial.CA_FILE), caPem, "the network CA it trusts", written);
            publicFile(nodeDir.resolve(NetworkLayout.NODE_SETTINGS), node.settings().toJson(), "rpc "
                    + node.settings().host() + ":" + node.settings().rpcPort() + ", raft " + node.settings().host()
                    + ":" + node.settings().raftPort() + ", " + node.settings().peers().size() + " peers, allowlist",
                    written);
        }
        publicFile(dir.resolve(NetworkLayout.GENESIS), GenesisWriter.toJson(network.genesis()), "genesis of chain "
                + network.genesis().chainId() + " with " + network.genesis().validators().size() + " validators",
                written);
        publicFile(dir.resolve(NetworkLayout.NETWORK), network.description().toJson(),
                "the peer list (ids, addresses, ports, certificate fingerprints)", written);
        if (network.demoKeys() != null) {
            privateFile(dir.resolve(NetworkLayout.DEMO_KEYS), network.demoKeys().toJson(), "keys of the "
                    + network.demoKeys().accounts().size() + " demo accounts (0600, demo only)", written);
        }
        return written;
    }

    private static void publicFile(Path file, String text, String description, List<Written> written)
            throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        written.add(new Written(file, description));
    }

    private static void privateFile(Path file, String text, String description, List<Written> written)
            throws IOException {
        PrivateFiles.writePrivate(file, text);
        written.add(new Written(file, description));
    }
}
