/**
 * The Ethereum-compatible JSON-RPC methods of the node (eth_*, net_*, web3_*, ledger_*) and the JSON
 * shapes web3j and ethers expect. Transport (HTTP, WebSocket, batches, limits) is in {@code rpc}.
 */
package org.targetedmoney.node.api;
