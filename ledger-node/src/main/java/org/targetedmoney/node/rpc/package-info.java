/**
 * JSON-RPC 2.0 transport of the ledger node, on Vert.x: HTTP {@code POST /} (single and batch
 * requests), WebSocket on {@code /} and {@code /ws} (the same methods plus geth-style
 * {@code eth_subscribe}/{@code eth_unsubscribe}), {@code GET /health} and {@code GET /metrics}.
 *
 * <p>This package is the protocol layer only: it knows nothing of blocks or transactions. The node
 * registers the Ethereum methods ({@code eth_*}, {@code ledger_*}) in an {@link
 * org.targetedmoney.node.rpc.RpcMethodRegistry} and pushes new heads and logs into a {@link
 * org.targetedmoney.node.rpc.SubscriptionHub} after each block. Every input is bounded (body size,
 * batch size, connections, subscriptions, WebSocket write queue) so that a client cannot make the
 * node buffer without limit, and no handler blocks an event loop.
 */
package org.targetedmoney.node.rpc;
