/**
 * Where the euros come from: funding accounts (contributions, public accounts, debt-free creation), their
 * earmarks, and the credits that fill them. The waterfall that spends them is in {@code settlement}.
 */
package org.targetedmoney.bridge.funding;
