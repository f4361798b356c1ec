package org.targetedmoney.wallet.core;

import java.util.List;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.utils.Numeric;

/** Reads the {@code Error(string)} revert data of a refused transaction into its code and detail. */
public final class RevertReasons {
    static final String ERROR_SELECTOR = "0x08c379a0";

    private RevertReasons() {}

    /** The text of an ABI-encoded {@code Error(string)}; a plain text is returned as it is. */
    public static String text(String revertReason) {
        if (revertReason == null || revertReason.isEmpty()) {
            return "UNKNOWN: no revert reason";
        }
        if (!revertReason.startsWith(ERROR_SELECTOR)) {
            return revertReason;
        }
        String body = "0x" + revertReason.substring(ERROR_SELECTOR.length());
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<TypeReference<Type>> out = List.of((TypeReference) new TypeReference<Utf8String>() {});
        @SuppressWarnings("rawtypes")
        List<Type> decoded = FunctionReturnDecoder.decode(Numeric.prependHexPrefix(body.substring(2)), out);
        return decoded.isEmpty() ? revertReason : (String) decoded.get(0).getValue();
    }

    /** Splits {@code CODE: detail}. */
    public static LedgerRejectedException toException(String revertReason, String txHash) {
        String text = text(revertReason);
        int colon = text.indexOf(": ");
        return colon < 0 ? new LedgerRejectedException("UNKNOWN", text, txHash)
                : new LedgerRejectedException(text.substring(0, colon), text.substring(colon + 2), txHash);
    }
}
