/**
 * Governance for committee members: create bodies, propose actions, vote, execute approved proposals, and
 * read bodies and proposals. A body acts through its own account once its quorum approves.
 */
package org.targetedmoney.wallet.governance;
