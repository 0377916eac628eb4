package dev.polder.rego.builtins.jwt;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JWS algorithms (RFC 7518, RFC 8037) with the JDK's own crypto. */
enum JwsAlgorithm {
  HS256("HmacSHA256", 0),
  HS384("HmacSHA384", 0),
  HS512("HmacSHA512", 0),
  RS256("SHA256withRSA", 0),
  RS384("SHA384withRSA", 0),
  RS512("SHA512withRSA", 0),
  PS256("SHA-256", 32),
  PS384("SHA-384", 48),
  PS512("SHA-512", 64),
  ES256("SHA256withECDSA", 32),
  ES384("SHA384withECDSA", 48),
  ES512("SHA512withECDSA", 66),
  EdDSA("Ed25519", 0);

  private final String jdkName;

  /** PSS salt length, or ECDSA coordinate size in bytes. */
  private final int size;

  JwsAlgorithm(String jdkName, int size) {
    this.jdkName = jdkName;
    this.size = size;
  }

  static JwsAlgorithm of(String name) {
    for (JwsAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  boolean isHmac() {
    return name().startsWith("HS");
  }

  /** True if {@code key} is of the family this algorithm uses. */
  boolean accepts(Key key) {
    return switch (name().charAt(0)) {
      case 'R', 'P' -> key instanceof RSAKey;
      case 'E' -> this == EdDSA ? key instanceof EdECKey : key instanceof ECKey;
      default -> false;
    };
  }

  boolean verifyHmac(byte[] secret, byte[] input, byte[] signature) {
    return MessageDigest.isEqual(hmac(secret, input), signature);
  }

  byte[] hmac(byte[] secret, byte[] input) {
    try {
      Mac mac = Mac.getInstance(jdkName);
      // An empty key is legal in JWS but not for SecretKeySpec; one zero byte is equivalent.
      mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, jdkName));
      return mac.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC unavailable: " + jdkName, e);
    }
  }

  /** Verifies with a public key; false on any mismatch (wrong key type included). */
  boolean verify(PublicKey key, byte[] input, byte[] signature) {
    if (!accepts(key)) {
      return false;
    }
    try {
      Signature s = signature();
      s.initVerify(key);
      s.update(input);
      byte[] sig = signature;
      if (name().startsWith("ES")) {
        if (signature.length != 2 * size) {
          return false;
        }
        sig = joseToDer(signature);
      }
      return s.verify(sig);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  byte[] sign(PrivateKey key, byte[] input) throws GeneralSecurityException {
    Signature s = signature();
    s.initSign(key);
    s.update(input);
    byte[] sig = s.sign();
    return name().startsWith("ES") ? derToJose(sig, size) : sig;
  }

  private Signature signature() throws GeneralSecurityException {
    if (name().startsWith("PS")) {
      Signature s = Signature.getInstance("RSASSA-PSS");
      s.setParameter(
          new PSSParameterSpec(jdkName, "MGF1", new MGF1ParameterSpec(jdkName), size, 1));
      return s;
    }
    return Signature.getInstance(jdkName);
  }

  /** JOSE R||S to ASN.1 DER SEQUENCE { INTEGER r, INTEGER s }. */
  static byte[] joseToDer(byte[] jose) {
    int half = jose.length / 2;
    byte[] r = new BigInteger(1, Arrays.copyOfRange(jose, 0, half)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(jose, half, jose.length)).toByteArray();
    int len = 2 + r.length + 2 + s.length;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(0x30);
    writeLength(out, len);
    out.write(0x02);
    writeLength(out, r.length);
    out.writeBytes(r);
    out.write(0x02);
    writeLength(out, s.length);
    out.writeBytes(s);
    return out.toByteArray();
  }

  private static void writeLength(java.io.ByteArrayOutputStream out, int len) {
    if (len < 128) {
      out.write(len);
    } else if (len < 256) {
      out.write(0x81);
      out.write(len);
    } else {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len & 0xff);
    }
  }

  /** ASN.1 DER signature to JOSE R||S, each padded to {@code size} bytes. */
  static byte[] derToJose(byte[] der, int size) {
    int i = 2;
    if ((der[1] & 0xff) == 0x81) {
      i = 3;
    } else if ((der[1] & 0xff) == 0x82) {
      i = 4;
    }
    int rLen = der[i + 1] & 0xff;
    byte[] r = Arrays.copyOfRange(der, i + 2, i + 2 + rLen);
    int j = i + 2 + rLen;
    int sLen = der[j + 1] & 0xff;
    byte[] s = Arrays.copyOfRange(der, j + 2, j + 2 + sLen);
    byte[] out = new byte[2 * size];
    copyUnsigned(r, out, 0, size);
    copyUnsigned(s, out, size, size);
    return out;
  }

  private static void copyUnsigned(byte[] src, byte[] dst, int offset, int size) {
    int start = 0;
    while (start < src.length - 1 && src[start] == 0) {
      start++;
    }
    int len = src.length - start;
    System.arraycopy(src, start, dst, offset + size - len, len);
  }
}
