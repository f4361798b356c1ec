/**
 * Bulk enrolment by a registrar: rights are automatic, so members are enrolled from the registrar's
 * authoritative list, a CSV file of {@code address,territory,householdSize} lines (no personal data).
 * {@link org.targetedmoney.wallet.registrar.EnrolmentCsv} checks the file line by line,
 * {@link org.targetedmoney.wallet.registrar.BulkEnrolment} sends it in {@code enrolMembers} calls of up to 500
 * addresses and reports every line it could not enrol, {@link org.targetedmoney.wallet.registrar.EnrolCli} is
 * the {@code bin/ledger enrol} command.
 */
package org.targetedmoney.wallet.registrar;
