/**
 * ISO 20022 files: outgoing pain.001 credit transfers (SEPA rules, validated against the official schema before
 * they are written) and incoming camt.053 / camt.054 statements and pain.002 status reports (Prowide ISO 20022).
 */
package org.targetedmoney.bridge.iso;
