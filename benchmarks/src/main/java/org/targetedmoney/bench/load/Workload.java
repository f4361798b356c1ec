package org.targetedmoney.bench.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.targetedmoney.policy.abi.SystemContracts;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The pre-signed workload: members of FR-OCC-34 paying conventioned food shops 1 cent at a time, with
 * keys derived from their index so runs are reproducible. Signing happens before the clock starts.
 */
final class Workload {
    static final int FOOD = 2;
    static final int SHOPS = 10;

    final long chainId;
    final Credentials authority = key(1);
    final Credentials registrar = key(2);
    final List<Credentials> members = new ArrayList<>();
    final List<Credentials> shops = new ArrayList<>();

    Workload(long chainId, int memberCount) {
        this.chainId = chainId;
        for (int i = 0; i < memberCount; i++) {
            members.add(key(1_000 + i));
        }
        for (int i = 0; i < SHOPS; i++) {
            shops.add(key(500 + i));
        }
    }

    static Credentials key(int n) {
        return Credentials.create(ECKeyPair.create(BigInteger.valueOf(7_919L * n + 104_729L)));
    }

    String sign(Credentials who, long nonce, String function, Type<?>... args) {
        String data = FunctionEncoder.encode(new Function(function, List.of(args), List.of()));
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(nonce), BigInteger.ZERO,
                BigInteger.valueOf(200_000), SystemContracts.LEDGER.toHex(), BigInteger.ZERO, data);
        return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, who));
    }

    List<String> enrolments() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            out.add(sign(registrar, i, "enrolMember", new Address(members.get(i).getAddress()),
                    new Utf8String("FR-OCC-34"), new Uint8(1)));
        }
        return out;
    }

    List<String> conventions(int epoch) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < shops.size(); i++) {
            out.add(sign(authority, i, "conventionProvider", new Address(shops.get(i).getAddress()),
                    new DynamicArray<>(Uint32.class, List.of(new Uint32(FOOD))), new Utf8String("FR-OCC"),
                    new Uint32(0), new Uint32(epoch + 1_000)));
        }
        return out;
    }

    /** Round r holds payment number r of every member (nonce r), in member order; signed on all cores. */
    List<List<String>> payments(int rounds) {
        List<List<String>> out = new ArrayList<>();
        byte[] ref = new byte[32];
        for (int r = 0; r < rounds; r++) {
            int round = r;
            out.add(IntStream.range(0, members.size()).parallel()
                    .mapToObj(i -> sign(members.get(i), round, "pay", new Address(shops.get(i % SHOPS).getAddress()),
                            new Uint32(FOOD), new Uint256(1), new Bytes32(ref)))
                    .toList());
        }
        return out;
    }
}
