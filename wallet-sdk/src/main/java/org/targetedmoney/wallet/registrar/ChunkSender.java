package org.targetedmoney.wallet.registrar;

import java.util.List;
import org.targetedmoney.wallet.auditor.EventDecoder;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.core.TxResult;
import org.web3j.protocol.core.methods.response.Log;

/** Sends one {@code enrolMembers} call; an interface so that the chunking can be tested without a node. */
@FunctionalInterface
public interface ChunkSender {
    /**
     * Enrols {@code members} (1..500, one territory and household size) in one transaction, all or nothing.
     *
     * @return how many were newly enrolled; the others were enrolled before and were skipped
     * @throws LedgerRejectedException the ledger refused the whole call (its code says why)
     * @throws LedgerRequestException the node did not take the call, or its receipt did not come
     */
    int send(List<String> members, String territory, int householdSize)
            throws LedgerRejectedException, LedgerRequestException;

    /**
     * Sends with a registrar's client. The ledger emits one MemberEnrolled event per member it enrolls and
     * none for those it skips, so the receipt tells them apart without a view call per address.
     */
    static ChunkSender of(AuthorityClient registrar) {
        return (members, territory, householdSize) -> memberEnrolledEvents(
                registrar.enrolMembers(members, territory, householdSize));
    }

    private static int memberEnrolledEvents(TxResult result) {
        int count = 0;
        for (Log log : result.logs()) {
            if (!log.getTopics().isEmpty() && EventDecoder.MEMBER_ENROLLED_TOPIC.equals(log.getTopics().get(0))) {
                count++;
            }
        }
        return count;
    }
}
