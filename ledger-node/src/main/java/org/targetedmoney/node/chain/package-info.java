/**
 * Storage and Raft formats of blocks: the Raft log entry ({@link org.targetedmoney.node.chain.BatchEntry}) and
 * the stored transaction. Headers, receipts and the block executor are in issuance-policy
 * ({@code org.targetedmoney.policy.chain}), shared with the auditor.
 */
package org.targetedmoney.node.chain;
