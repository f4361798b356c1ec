/**
 * Typed clients of the targeted-money ledger for its four roles, on web3j: {@code member}, {@code provider},
 * {@code authority} (also registrars and committees), {@code auditor}; {@code core} holds the connection,
 * the ABI and the typed errors; {@code registrar} enrols a registrar's CSV file in bulk ({@code bin/ledger
 * enrol}); {@code directory} reads the provider directory ({@code ledger_providers}); {@code demo} is the
 * scripted scenario of the README.
 */
package org.targetedmoney.wallet;
