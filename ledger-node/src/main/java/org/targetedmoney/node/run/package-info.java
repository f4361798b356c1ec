/**
 * The composition root of a node: wires the transaction codec, admission, Raft ordering, the applier,
 * RocksDB storage, the JSON-RPC server and metrics, and starts or stops them in order.
 */
package org.targetedmoney.node.run;
