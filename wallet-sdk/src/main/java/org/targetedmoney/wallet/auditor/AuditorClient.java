package org.targetedmoney.wallet.auditor;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;

/** What an auditor reads: events, totals per purpose, and the node's recomputed conservation check. */
public final class AuditorClient {
    private final LedgerConnection ledger;

    public AuditorClient(LedgerConnection ledger) {
        this.ledger = ledger;
    }

    /** Running totals of a purpose, as the ledger keeps them (cents). */
    public record PurposeTotals(long issued, long spent, long redeemed, long expired, long providerBalances,
                                long memberBalances) {
        /** issued = member balances + provider balances + redeemed + expired. */
        public boolean conserved() {
            return issued == memberBalances + providerBalances + redeemed + expired;
        }
    }

    @SuppressWarnings("rawtypes")
    public PurposeTotals purposeTotals(int purpose) throws LedgerRequestException {
        List<Type> t = ledger.call(LedgerAbi.purposeTotals(purpose));
        return new PurposeTotals(LedgerAbi.asLong(t.get(0)), LedgerAbi.asLong(t.get(1)), LedgerAbi.asLong(t.get(2)),
                LedgerAbi.asLong(t.get(3)), LedgerAbi.asLong(t.get(4)), LedgerAbi.asLong(t.get(5)));
    }

    /** The ledger's events in a block range, decoded, in order. */
    public List<LedgerEvent> events(long fromBlock, long toBlock) throws LedgerRequestException {
        return EventQuery.events(ledger, fromBlock, toBlock);
    }

    /** What was issued, spent and expired of one epoch's credit for a purpose (cents). */
    public record EpochCounters(long issued, long spent, long expired) {}

    @SuppressWarnings("rawtypes")
    public EpochCounters epochCounters(int epoch, int purpose) throws LedgerRequestException {
        List<Type> t = ledger.call(LedgerAbi.epochCounters(epoch, purpose));
        return new EpochCounters(LedgerAbi.asLong(t.get(0)), LedgerAbi.asLong(t.get(1)), LedgerAbi.asLong(t.get(2)));
    }

    /** A block with its transaction hashes, as the node serves it. */
    public EthBlock.Block block(long number) throws LedgerRequestException {
        try {
            EthBlock b = ledger.web3j().ethGetBlockByNumber(
                    DefaultBlockParameter.valueOf(java.math.BigInteger.valueOf(number)), false).send();
            if (b.hasError()) {
                throw new LedgerRequestException(b.getError().getCode(), "eth_getBlockByNumber: " + b.getError().getMessage());
            }
            return b.getBlock();
        } catch (IOException e) {
            throw new LedgerRequestException("the node is unreachable: " + e.getMessage(), e);
        }
    }

    /** The result of {@code ledger_invariants}: conservation recomputed by the node from every balance. */
    public static final class Invariants extends Response<Map<String, Object>> {}

    @SuppressWarnings("unchecked")
    public Map<String, Object> invariants() throws LedgerRequestException {
        try {
            Invariants r = new Request<>("ledger_invariants", List.of(),
                    ledger.service(), Invariants.class).send();
            if (r.hasError()) {
                throw new LedgerRequestException(r.getError().getCode(), "ledger_invariants: " + r.getError().getMessage());
            }
            return r.getResult();
        } catch (IOException e) {
            throw new LedgerRequestException("ledger_invariants failed: " + e.getMessage(), e);
        }
    }

    /**
     * The result of {@code ledger_planning}: needs, budget, entitlement and spending of a territory and of each
     * of its direct sub-territories (amounts in cents, as decimal strings).
     */
    public static final class PlanningReport extends Response<Map<String, Object>> {}

    public Map<String, Object> planning(String territory, int purpose, int epoch) throws LedgerRequestException {
        try {
            PlanningReport r = new Request<>("ledger_planning", List.of(Map.of("territory", territory,
                    "purpose", purpose, "epoch", epoch)), ledger.service(), PlanningReport.class).send();
            if (r.hasError()) {
                throw new LedgerRequestException(r.getError().getCode(), "ledger_planning: " + r.getError().getMessage());
            }
            return r.getResult();
        } catch (IOException e) {
            throw new LedgerRequestException("ledger_planning failed: " + e.getMessage(), e);
        }
    }
}
