/** What the ledger says a provider is owed in euros: one line per Redeemed, ClaimPaid or CapitationPaid event. */
package org.targetedmoney.bridge.line;
