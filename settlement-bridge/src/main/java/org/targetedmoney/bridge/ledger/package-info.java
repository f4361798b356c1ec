/** The bridge's side of the ledger: following provider-owed events from a durable cursor, and attesting batches. */
package org.targetedmoney.bridge.ledger;
