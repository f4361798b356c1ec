/**
 * The genesis file format ({@code targeted-money-genesis/1}, see {@code network-config/GENESIS.md}): a strict
 * reader that turns a JSON file into the core's {@link org.targetedmoney.policy.genesis.Genesis} or reports
 * every problem with its JSON path, and a writer that produces the canonical form of a genesis.
 */
package org.targetedmoney.netconfig.genesis;
