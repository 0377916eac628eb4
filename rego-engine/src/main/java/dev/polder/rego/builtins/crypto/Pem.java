package dev.polder.rego.builtins.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** PEM blocks and private keys in PKCS#1, SEC 1 and PKCS#8 form. */
final class Pem {

  private Pem() {}

  record Block(String type, byte[] bytes) {}

  static List<Block> decodeAll(String text) {
    List<Block> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int begin = text.indexOf("-----BEGIN ", from);
      if (begin < 0) {
        return out;
      }
      int typeEnd = text.indexOf("-----", begin + 11);
      if (typeEnd < 0) {
        return out;
      }
      String type = text.substring(begin + 11, typeEnd);
      String endMarker = "-----END " + type + "-----";
      int end = text.indexOf(endMarker, typeEnd + 5);
      if (end < 0) {
        return out;
      }
      StringBuilder b64 = new StringBuilder();
      for (String line : text.substring(typeEnd + 5, end).split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.contains(":")) {
          b64.append(l);
        }
      }
      try {
        out.add(new Block(type, Base64.getDecoder().decode(b64.toString())));
      } catch (IllegalArgumentException e) {
        // Go's pem.Decode skips a block it cannot decode.
      }
      from = end + endMarker.length();
    }
  }

  /** The private key in a block, or null if the block holds none. */
  static PrivateKey privateKey(Block b) {
    try {
      return switch (b.type()) {
        case "RSA PRIVATE KEY" ->
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(b.bytes())));
        case "PRIVATE KEY" -> pkcs8(b.bytes());
        case "EC PRIVATE KEY" ->
            KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(sec1ToPkcs8(b.bytes())));
        default -> null;
      };
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  private static PrivateKey pkcs8(byte[] der) {
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next family
      }
    }
    return null;
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo. */
  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    byte[] algorithm = HexFormat.of().parseHex("300d06092a864886f70d0101010500");
    return sequence(concat(HexFormat.of().parseHex("020100"), algorithm, tlv(0x04, pkcs1)));
  }

  /** Wraps a SEC 1 ECPrivateKey in PKCS#8 (the curve OID is taken from the key's parameters). */
  static byte[] sec1ToPkcs8(byte[] sec1) {
    byte[] curve = findCurveOid(sec1);
    byte[] algorithm = sequence(concat(HexFormat.of().parseHex("06072a8648ce3d0201"), curve));
    return sequence(concat(HexFormat.of().parseHex("020100"), algorithm, tlv(0x04, sec1)));
  }

  private static byte[] findCurveOid(byte[] sec1) {
    // The [0] parameters field (tag a0) holds the curve OID.
    for (int i = 0; i + 2 < sec1.length; i++) {
      if ((sec1[i] & 0xff) == 0xa0 && (sec1[i + 2] & 0xff) == 0x06) {
        int len = sec1[i + 1] & 0xff;
        return java.util.Arrays.copyOfRange(sec1, i + 2, i + 2 + len);
      }
    }
    throw new IllegalArgumentException("EC key without curve parameters");
  }

  private static byte[] sequence(byte[] content) {
    return tlv(0x30, content);
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = content.length;
    if (len < 128) {
      out.write(len);
    } else if (len < 256) {
      out.write(0x81);
      out.write(len);
    } else if (len < 65536) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len & 0xff);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write((len >> 8) & 0xff);
      out.write(len & 0xff);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
