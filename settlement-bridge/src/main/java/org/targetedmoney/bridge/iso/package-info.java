/**
 * ISO 20022 files: outgoing pain.001 credit transfers (SEPA rules, validated against the official schema before
 * they are written) and incoming camt.053 / camt.054 statements and pain.002 status reports (Prowide ISO 20022).
 *
 * <p>Entry points: {@link org.targetedmoney.bridge.iso.SepaRules} and
 * {@link org.targetedmoney.bridge.iso.Pain001Writer} (out), {@link org.targetedmoney.bridge.iso.BankFileParser} (in),
 * {@link org.targetedmoney.bridge.iso.IsoFiles} (the only I/O: atomic writes),
 * {@link org.targetedmoney.bridge.iso.BankSimulator} (a simulated bank for tests and the demo). Business rejections
 * are {@link org.targetedmoney.bridge.iso.IsoRefusal} values with stable codes.
 */
package org.targetedmoney.bridge.iso;
