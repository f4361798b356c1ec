package org.targetedmoney.node.rpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Just enough RFC 6455 client to open a WebSocket and send text, for clients that misbehave. */
final class RawWebSocket {
  private static final int MAX_HANDSHAKE_BYTES = 8 * 1024;
  private static final int FIN_TEXT = 0x81;
  private static final int MASKED = 0x80;
  private static final int LENGTH_16_BITS = 126;
  private static final int MAX_SHORT_LENGTH = 125;
  private static final int MAX_16_BIT_LENGTH = 0xFFFF;
  private static final byte[] MASK = {0x12, 0x34, 0x56, 0x78};

  private RawWebSocket() {}

  /** Sends the upgrade request and reads the 101 response's headers. */
  static void handshake(Socket socket, String path) throws IOException {
    String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || headers.size() > MAX_HANDSHAKE_BYTES) {
        throw new IOException("bad handshake: " + headers);
      }
      headers.write(b);
    }
    if (!headers.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + headers);
    }
  }

  /** Sends one masked text frame (clients must mask). */
  static void sendText(Socket socket, String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    if (payload.length > MAX_16_BIT_LENGTH) {
      throw new IllegalArgumentException("frame too long for this helper");
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(FIN_TEXT);
    if (payload.length <= MAX_SHORT_LENGTH) {
      frame.write(MASKED | payload.length);
    } else {
      frame.write(MASKED | LENGTH_16_BITS);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    }
    frame.write(MASK);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ MASK[i % MASK.length]);
    }
    OutputStream out = socket.getOutputStream();
    out.write(frame.toByteArray());
    out.flush();
  }
}
