/**
 * The rules of targeted money: a pure, deterministic state transition function shared by the node
 * (which applies it) and the auditor (which replays it). No I/O, no clock, no randomness, no floating
 * point, no iteration over unordered collections.
 *
 * <ul>
 *   <li>{@code model}: values of the domain (addresses, roles, territories, epochs);</li>
 *   <li>{@code state}: the entities of the ledger state, their canonical encoding, and views on them;</li>
 *   <li>{@code call}: the decoded operations a transaction can ask for;</li>
 *   <li>{@code rules}: the transition function, its outcomes and the stable rejection codes;</li>
 *   <li>{@code abi}: the Solidity ABI of the system contracts (calls, views, event logs);</li>
 *   <li>{@code genesis}: the initial configuration and the state it produces.</li>
 * </ul>
 */
package org.targetedmoney.policy;
