package org.targetedmoney.policy.abi;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Encodes and decodes with web3j, the reference ABI implementation the ledger's users run. */
final class Web3 {
    private Web3() {}

    /** Call data of {@code name(args)} as web3j encodes it. */
    @SuppressWarnings("rawtypes")
    static byte[] callData(String name, Type... args) {
        return Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function(name, List.of(args), List.of())));
    }

    static org.web3j.abi.datatypes.Address address(org.targetedmoney.policy.model.Address a) {
        return new org.web3j.abi.datatypes.Address(a.toHex());
    }

    /** Decodes ABI-encoded values with web3j and returns their plain Java values. */
    static List<Object> decode(byte[] data, List<TypeReference<?>> types) {
        List<Type> values = FunctionReturnDecoder.decode(Numeric.toHexString(data), Utils.convert(types));
        return values.stream().map(Web3::plain).toList();
    }

    private static Object plain(Type<?> t) {
        Object v = t.getValue();
        if (v instanceof List<?> list) {
            return list.stream().map(x -> plain((Type<?>) x)).toList();
        }
        if (v instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        }
        return v;
    }

    /** The 4-byte selector of a canonical signature, as web3j's FunctionEncoder derives it (keccak, first 4 bytes). */
    static int selector(String signature) {
        return Numeric.toBigInt(Hash.sha3String(signature).substring(0, 10)).intValue();
    }
}
