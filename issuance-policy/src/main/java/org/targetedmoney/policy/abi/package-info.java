/**
 * The Solidity ABI of the system contracts ({@code abi/ITargetedMoney.sol}, {@code abi/IPurposeToken.sol}):
 * strict decoding of call data into calls, answers to view calls, and events as standard logs.
 * Hand-written for the few static types the ledger uses, so the rules module stays free of heavy
 * dependencies; tests cross-check it against web3j's encoder.
 */
package org.targetedmoney.policy.abi;
