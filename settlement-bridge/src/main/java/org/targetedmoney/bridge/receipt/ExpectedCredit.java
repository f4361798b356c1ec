package org.targetedmoney.bridge.receipt;

import java.util.Objects;
import org.targetedmoney.bridge.funding.FundingCredit;

/**
 * A credit declared through the API, waiting to be seen on a collection account.
 *
 * @param credit            what was declared; its reference is what a bank entry must name
 * @param declaredAtSeconds the ledger time when it was declared (for its age)
 */
public record ExpectedCredit(FundingCredit credit, long declaredAtSeconds) {
    public ExpectedCredit {
        Objects.requireNonNull(credit, "credit");
    }

    public String reference() {
        return credit.reference();
    }
}
