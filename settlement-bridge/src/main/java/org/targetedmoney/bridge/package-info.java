/**
 * The settlement bridge: turns what the ledger says providers are owed (redemptions, paid claims, capitation)
 * into euro credit transfers (ISO 20022 pain.001), funded by a declared waterfall (contributions, then public
 * accounts, then debt-free creation within a ceiling), reconciled against bank statements (camt.053/054,
 * pain.002), and attested back on the ledger. Every input is idempotent; the store is RocksDB.
 *
 * <p>Packages: {@code line} (ledger lines owed to providers), {@code funding} (where euros come from),
 * {@code settlement} (batches, netting, waterfall, reconciliation: pure), {@code contribution} (declarations and
 * contribution scales: pure), {@code receipt} (declared credits matched to money the bank shows: pure),
 * {@code iso} (ISO 20022 files), {@code ledger} (following the ledger, attesting),
 * {@code store} (durable, transactional, idempotency keys), {@code http} (the contribution and bank-file API),
 * {@code run} (wiring, configuration, CLI).
 */
package org.targetedmoney.bridge;
