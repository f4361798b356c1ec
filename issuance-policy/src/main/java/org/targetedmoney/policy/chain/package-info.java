/**
 * Blocks: headers and their hashes, receipts, logs blooms, and the executor that turns an ordered batch of
 * transactions into a block by running the rules. Pure, so the node applies it and the auditor in wallet-sdk
 * replays the chain with the very same code (DESIGN.md section 2).
 */
package org.targetedmoney.policy.chain;
