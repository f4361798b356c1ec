/**
 * The node's native sender recovery (libsecp256k1), chosen by {@link org.targetedmoney.node.tx.SenderRecoveries}
 * when it loads. Transaction decoding and the pure-Java recovery moved to issuance-policy
 * ({@code org.targetedmoney.policy.tx}) so that the auditor in wallet-sdk decodes and recovers senders with
 * the very same code as the node.
 */
package org.targetedmoney.node.tx;
