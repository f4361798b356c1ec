/**
 * The Ethereum-compatible JSON-RPC methods of the node (eth_*, net_*, web3_*, ledger_*) and the JSON
 * shapes web3j and ethers expect. Transport (HTTP, WebSocket, batches, limits) is in {@code rpc}.
 * Installed filters ({@code eth_newFilter} and its kin) are cursors over the stored blocks, read on each poll
 * ({@code FilterRegistry}).
 */
package org.targetedmoney.node.api;
