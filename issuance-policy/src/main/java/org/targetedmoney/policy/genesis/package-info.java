/** The initial configuration of a ledger and the state it produces. */
package org.targetedmoney.policy.genesis;
