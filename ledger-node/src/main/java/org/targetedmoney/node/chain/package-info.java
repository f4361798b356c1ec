/**
 * Blocks: headers and their hashes, receipts, logs blooms, the Raft entry format, and the executor that
 * turns an ordered batch of transactions into a block by running the rules of {@code issuance-policy}.
 */
package org.targetedmoney.node.chain;
