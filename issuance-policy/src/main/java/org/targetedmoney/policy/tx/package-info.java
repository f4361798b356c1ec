/**
 * Admission of raw signed Ethereum transactions: the first stage of the node's pipeline.
 *
 * <p>{@link org.targetedmoney.policy.tx.TxDecoder} turns the bytes a client sends to
 * {@code eth_sendRawTransaction} into a {@link org.targetedmoney.policy.tx.DecodedTx}, or refuses
 * them with a {@link org.targetedmoney.policy.tx.TxRejectedException} whose stable
 * {@link org.targetedmoney.policy.tx.TxRejectedException.Code} the JSON-RPC layer reports. Only
 * EIP-155 legacy and EIP-1559 (type 2) transactions are admitted, on this ledger's chain id, with
 * canonical RLP, low-s signatures, a recipient and no native value. A refused transaction never
 * enters the log.
 *
 * <p>{@link org.targetedmoney.policy.tx.SenderRecovery} recovers the sender's address from the
 * signature. It is the most expensive step of a signed-transaction ledger (about 50 µs native,
 * 180 µs in Bouncy Castle per core), so it runs in parallel, off the single-threaded apply path.
 *
 * <p>The RLP reader and writer here are deliberately small and strict: a decoder that accepted
 * several encodings of one transaction would give it several hashes.
 */
package org.targetedmoney.policy.tx;
