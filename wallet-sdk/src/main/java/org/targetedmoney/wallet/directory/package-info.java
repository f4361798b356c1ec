/**
 * The provider directory, for members, apps and maps: who serves a territory, for which purposes, with
 * which attested social and ecological criteria ({@code ledger_providers}, and the criteria views).
 */
package org.targetedmoney.wallet.directory;
