package dev.polder.connectors.echo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A unit vector derived from SHA-256 of the text: same text, same vector, on every machine. */
final class DeterministicVector {
  private DeterministicVector() {}

  static float[] of(String text, int dimensions) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
    byte[] seed = text.getBytes(StandardCharsets.UTF_8);
    float[] vector = new float[dimensions];
    byte[] block = new byte[0];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      int offset = (i * 2) % 32;
      if (offset == 0) {
        sha.reset();
        sha.update(seed);
        sha.update(new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i});
        block = sha.digest();
      }
      int bits = ((block[offset] & 0xff) << 8) | (block[offset + 1] & 0xff);
      vector[i] = (bits / 65535f) * 2f - 1f;
      norm += vector[i] * vector[i];
    }
    float scale = norm == 0 ? 1f : (float) (1.0 / Math.sqrt(norm));
    for (int i = 0; i < dimensions; i++) {
      vector[i] *= scale;
    }
    return vector;
  }
}
