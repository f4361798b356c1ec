/**
 * Admission of transactions: parallel verification (decode, signature, sender recovery, call data),
 * nonce order, a bounded queue with an immediate "busy" answer, and the batcher that cuts Raft entries.
 */
package org.targetedmoney.node.admission;
