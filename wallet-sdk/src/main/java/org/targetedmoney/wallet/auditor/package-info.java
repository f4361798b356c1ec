/**
 * The auditor: {@link org.targetedmoney.wallet.auditor.AuditorClient} reads events, totals and the node's
 * conservation check; {@link org.targetedmoney.wallet.auditor.ChainAudit} replays the whole public chain with
 * issuance-policy's block executor ({@link org.targetedmoney.wallet.auditor.ChainReplayer}) and reports the
 * first divergence; {@link org.targetedmoney.wallet.auditor.AuditCli} is {@code bin/ledger audit}.
 */
package org.targetedmoney.wallet.auditor;
