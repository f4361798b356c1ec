/** The entities of the ledger state, their keys, their canonical encoding, and read views on them. */
package org.targetedmoney.policy.state;
