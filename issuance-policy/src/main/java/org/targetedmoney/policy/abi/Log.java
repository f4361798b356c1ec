package org.targetedmoney.policy.abi;

import java.util.List;
import org.targetedmoney.policy.model.Address;

/** An Ethereum log: the emitting contract, up to 4 topics of 32 bytes, and ABI-encoded data. */
public record Log(Address address, List<byte[]> topics, byte[] data) {
    public Log {
        topics = List.copyOf(topics);
    }
}
