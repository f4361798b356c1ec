/** What every role client shares: the connection to a node, the ABI of the ledger, typed errors, amounts. */
package org.targetedmoney.wallet.core;
