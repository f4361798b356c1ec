/** The operations of the ledger, as the rules see them once the ABI call data is decoded. */
package org.targetedmoney.policy.call;
