package org.targetedmoney.policy.abi;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.call.ActionDecoder;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.rules.Limits;

/**
 * Turns a transaction's destination and call data into a {@link Call}, or says precisely why not.
 * Everything that is not a state-changing function of the ledger contract is refused here, at the door.
 */
public final class CallDecoder {
    /** Decodes the actions of governance proposals: a state-changing call of the ledger contract. */
    public static final ActionDecoder ACTIONS = data -> {
        try {
            return decode(SystemContracts.LEDGER, data);
        } catch (AbiException e) {
            throw new ActionDecoder.InvalidActionException(e.getMessage());
        }
    };

    private CallDecoder() {}

    /** Decodes a state-changing call; views and token functions are refused as READ_ONLY. */
    public static Call decode(Address to, byte[] data) throws AbiException {
        if (SystemContracts.purposeOfToken(to) > 0) {
            throw new AbiException("READ_ONLY: the purpose token " + to
                    + " is a read-only facade; units move with pay/redeem on " + SystemContracts.LEDGER);
        }
        LedgerFunction f = function(to, data);
        if (f.isView()) {
            throw new AbiException("READ_ONLY: " + f.shortName() + " is a view; call it with eth_call");
        }
        return decode(f, new AbiReader(data, 4, f.shortName()));
    }

    /** The ledger function called by {@code data}, if {@code to} is the ledger contract. */
    public static LedgerFunction function(Address to, byte[] data) throws AbiException {
        if (!to.equals(SystemContracts.LEDGER)) {
            throw new AbiException(to + " is not a system contract of this ledger (the ledger is "
                    + SystemContracts.LEDGER + ", purpose tokens are 0x00000000000000000000000000000000200000nn)");
        }
        if (data.length < 4) {
            throw new AbiException("call data of " + data.length + " bytes has no 4-byte function selector");
        }
        LedgerFunction f = LedgerFunction.bySelector(Selectors.read(data));
        if (f == null) {
            throw new AbiException(String.format("unknown function selector 0x%08x for the ledger contract",
                    Selectors.read(data)));
        }
        return f;
    }

    private static Call decode(LedgerFunction f, AbiReader r) throws AbiException {
        return switch (f) {
            case GRANT_ROLE -> new Call.GrantRole(r.address(0), (int) r.uint(1, 8), r.string(2));
            case REVOKE_ROLE -> new Call.RevokeRole(r.address(0), (int) r.uint(1, 8));
            case ADD_PURPOSE -> new Call.AddPurpose(r.string(0), r.string(1));
            case ADD_TERRITORY -> new Call.AddTerritory(r.string(0));
            case SET_ALLOWANCE_POLICY -> new Call.SetAllowancePolicy(u32(r, 0), r.uintArray(1, 63), u32(r, 2),
                    u32(r, 3));
            case OPEN_EPOCH -> new Call.OpenEpoch(u32(r, 0));
            case ENROL_MEMBER -> new Call.EnrolMember(r.address(0), r.string(1), (int) r.uint(2, 8));
            case ENROL_MEMBERS -> new Call.EnrolMembers(r.addressArray(0, Limits.MAX_BULK_ENROLMENT), r.string(1),
                    (int) r.uint(2, 8));
            case CONVENTION_PROVIDER -> new Call.ConventionProvider(r.address(0), ints(r.uintArray(1, 31)),
                    r.string(2), u32(r, 3), u32(r, 4));
            case SUSPEND_CONVENTION -> new Call.SuspendConvention(r.address(0), u32(r, 1));
            case RESUME_CONVENTION -> new Call.ResumeConvention(r.address(0), u32(r, 1));
            case REVOKE_CONVENTION -> new Call.RevokeConvention(r.address(0), u32(r, 1));
            case ADD_CRITERION -> new Call.AddCriterion(r.string(0), r.string(1));
            // The criteria mask is a full uint32: bit 31 is criterion 31, so it is kept as the int's bits.
            case DESCRIBE_PROVIDER -> new Call.DescribeProvider(r.address(0), r.string(1), r.string(2),
                    (int) r.uint(3, 32));
            case PAY -> new Call.Pay(r.address(0), u32(r, 1), r.uint(2, 63), r.bytes32(3));
            case REDEEM -> new Call.Redeem(u32(r, 0), r.uint(1, 63));
            case SET_TARIFF -> new Call.SetTariff(u32(r, 0), r.string(1), r.uint(2, 63));
            case FILE_CLAIM -> new Call.FileClaim(r.address(0), u32(r, 1), r.string(2), r.uint(3, 63),
                    java.util.HexFormat.of().formatHex(r.bytes32(4)));
            case ADD_CATEGORY -> new Call.AddCategory(u32(r, 0), r.string(1), r.string(2));
            case RESTRICT_CONVENTION -> new Call.RestrictConvention(r.address(0), u32(r, 1), ints(r.uintArray(2, 31)));
            case PAY_IN_CATEGORY -> new Call.Pay(r.address(0), u32(r, 1), r.uint(3, 63), r.bytes32(4), u32(r, 2));
            case SET_TERRITORY_BUDGET -> new Call.SetTerritoryBudget(r.string(0), u32(r, 1), r.uint(2, 63));
            case RECORD_NEEDS -> new Call.RecordNeeds(r.string(0), u32(r, 1), u32(r, 2), r.uint(3, 63), r.string(4));
            case SET_CAPITATION -> new Call.SetCapitation(u32(r, 0), r.uint(1, 63));
            case CHOOSE_PRACTITIONER -> new Call.ChoosePractitioner(r.address(0), u32(r, 1));
            case CLAIM_CAPITATION -> new Call.ClaimCapitation(u32(r, 0), u32(r, 1));
            case SET_MODULATION -> new Call.SetModulation(r.string(0), u32(r, 1), u32(r, 2), u32(r, 3));
            case CREATE_BODY -> new Call.CreateBody(r.string(0), r.string(1), (int) r.uint(2, 8),
                    r.addressArray(3, Limits.MAX_BODY_MEMBERS), u32(r, 4));
            case SET_BODY_MEMBERS -> new Call.SetBodyMembers(u32(r, 0), r.addressArray(1, Limits.MAX_BODY_MEMBERS),
                    u32(r, 2));
            case PROPOSE -> new Call.Propose(u32(r, 0),
                    java.util.HexFormat.of().formatHex(r.bytes(1, Limits.MAX_ACTION_BYTES)), u32(r, 2), r.uint(3, 63),
                    u32(r, 4));
            case VOTE -> new Call.Vote(r.uint(0, 63), r.bool(1));
            case EXECUTE_PROPOSAL -> new Call.ExecuteProposal(r.uint(0, 63));
            case ATTEST_SETTLEMENT -> new Call.AttestSettlement(java.util.HexFormat.of().formatHex(r.bytes32(0)),
                    r.string(1), r.string(2), r.uint(3, 63), r.uint(4, 63), r.uint(5, 63), r.uint(6, 63),
                    r.uint(7, 63), r.uint(8, 63), r.uint(9, 63));
            default -> throw new AbiException("READ_ONLY: " + f.shortName() + " is a view");
        };
    }

    /** uint32 on the wire; the rules use int, so ids and epochs above 2^31-1 are refused here. */
    private static int u32(AbiReader r, int arg) throws AbiException {
        return (int) r.uint(arg, 31);
    }

    private static List<Integer> ints(List<Long> values) {
        List<Integer> out = new ArrayList<>(values.size());
        for (long v : values) {
            out.add((int) v);
        }
        return out;
    }
}
