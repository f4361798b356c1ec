/** The member's client: balances per purpose with expiry, payments to conventioned providers. */
package org.targetedmoney.wallet.member;
