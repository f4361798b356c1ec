package org.targetedmoney.policy.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.abi.Log;
import org.targetedmoney.policy.model.Address;

/**
 * The receipt of an included transaction. {@code revertReason} is empty when it succeeded, else
 * {@code CODE: detail}. Its canonical encoding feeds the block's receipts root, so it holds nothing that
 * depends on the block hash.
 */
public record TxReceipt(byte[] txHash, long blockNumber, int txIndex, Address from, Address to, long nonce,
                        boolean success, String revertReason, List<Log> logs, int firstLogIndex) {
    public TxReceipt {
        logs = List.copyOf(logs);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.write(txHash);
            out.writeLong(blockNumber);
            out.writeInt(txIndex);
            out.write(from.toBytes());
            out.write(to.toBytes());
            out.writeLong(nonce);
            out.writeBoolean(success);
            writeBytes(out, revertReason.getBytes(StandardCharsets.UTF_8));
            out.writeInt(firstLogIndex);
            out.writeInt(logs.size());
            for (Log log : logs) {
                out.write(log.address().toBytes());
                out.writeByte(log.topics().size());
                for (byte[] t : log.topics()) {
                    out.write(t);
                }
                writeBytes(out, log.data());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    public static TxReceipt decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in.readByte() != 1) {
                throw new IllegalArgumentException("corrupt receipt: unknown version");
            }
            byte[] hash = in.readNBytes(32);
            long block = in.readLong();
            int index = in.readInt();
            Address from = Address.of(in.readNBytes(20));
            Address to = Address.of(in.readNBytes(20));
            long nonce = in.readLong();
            boolean success = in.readBoolean();
            String reason = new String(readBytes(in), StandardCharsets.UTF_8);
            int firstLog = in.readInt();
            int n = in.readInt();
            List<Log> logs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Address a = Address.of(in.readNBytes(20));
                int topics = in.readUnsignedByte();
                List<byte[]> ts = new ArrayList<>(topics);
                for (int t = 0; t < topics; t++) {
                    ts.add(in.readNBytes(32));
                }
                logs.add(new Log(a, ts, readBytes(in)));
            }
            return new TxReceipt(hash, block, index, from, to, nonce, success, reason, logs, firstLog);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt receipt", e);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad length " + n);
        }
        return in.readNBytes(n);
    }
}
