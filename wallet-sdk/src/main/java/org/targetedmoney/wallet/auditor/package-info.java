/** The auditor's client: decoded events, totals per purpose, the node's conservation check. */
package org.targetedmoney.wallet.auditor;
