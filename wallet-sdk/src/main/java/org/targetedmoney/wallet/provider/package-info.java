/** The provider's client: balances received, redemption. */
package org.targetedmoney.wallet.provider;
