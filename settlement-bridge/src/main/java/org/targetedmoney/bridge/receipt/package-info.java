/**
 * Money received: credits declared through the API (members' contributions, public credits) matched to the
 * incoming credits a bank reports on the collection accounts (camt.054 / camt.053 CRDT entries). Pure Java: no
 * I/O, no clock (times are the ledger's, given by the caller), sorted maps only, long cents with exact arithmetic.
 *
 * <p>{@link org.targetedmoney.bridge.receipt.ReceiptBook} keeps three sets: credits declared and not yet seen on
 * the bank account, receipts (bank credits) that match no declaration yet, and matched pairs. A receipt matches a
 * declared credit when its end-to-end id is the credit's reference, or when the reference is a word of its
 * unstructured remittance, with the same amount and currency. Matching does not depend on which side arrives
 * first. In "bank" confirmation mode ({@link org.targetedmoney.bridge.receipt.CreditConfirmation}) the engine puts
 * a credit in the funding book only when it is matched; in "declared" mode matching is a report only.
 */
package org.targetedmoney.bridge.receipt;
