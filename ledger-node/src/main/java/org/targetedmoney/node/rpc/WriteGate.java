package org.targetedmoney.node.rpc;

import java.util.Set;

/**
 * Decides which clients may call the JSON-RPC write methods ({@link #WRITE_METHODS}), by the address
 * they connect from. Reads are never gated. The node builds one from node.json's allowlist; the
 * single-node default is {@link #OPEN}.
 */
@FunctionalInterface
public interface WriteGate {
  /** The methods that change the ledger. */
  Set<String> WRITE_METHODS = Set.of("eth_sendRawTransaction");

  /** Every client may write. */
  WriteGate OPEN = remoteHost -> null;

  /**
   * @param remoteHost the client's IP address as text, or null if unknown
   * @return null if that client may call write methods, else why not (the error message)
   */
  String refusal(String remoteHost);
}
