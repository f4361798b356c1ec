/**
 * The settlement bridge's client: attest a euro settlement batch on the ledger (role BRIDGE) and read
 * attestations and their running totals per funding source, which auditors compare with what the ledger paid.
 */
package org.targetedmoney.wallet.settlement;
