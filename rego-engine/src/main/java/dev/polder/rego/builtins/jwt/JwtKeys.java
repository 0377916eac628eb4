package dev.polder.rego.builtins.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.rego.builtins.BuiltinException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Key material as OPA's JWT built-ins take it: a PEM certificate, a PEM public key, a JWK or a JWK
 * set (verification), and a JWK with private parts (signing).
 */
final class JwtKeys {

  private JwtKeys() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A verification key; {@code alg} and {@code kid} come from a JWK when it names them. */
  record VerificationKey(PublicKey key, byte[] secret, String alg, String kid) {}

  /** A PEM block: its type, bytes, and whatever text follows it. */
  record PemBlock(String type, byte[] bytes, String rest) {}

  static PemBlock pem(String text) {
    int begin = text.indexOf("-----BEGIN ");
    if (begin < 0) {
      return null;
    }
    int typeEnd = text.indexOf("-----", begin + 11);
    if (typeEnd < 0) {
      return null;
    }
    String type = text.substring(begin + 11, typeEnd);
    String endMarker = "-----END " + type + "-----";
    int end = text.indexOf(endMarker, typeEnd + 5);
    if (end < 0) {
      return null;
    }
    String body = text.substring(typeEnd + 5, end);
    StringBuilder b64 = new StringBuilder();
    for (String line : body.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.contains(":")) {
        continue; // headers such as Proc-Type are not part of the data
      }
      b64.append(l);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(b64.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
    return new PemBlock(type, bytes, text.substring(end + endMarker.length()));
  }

  private static final int MAX_CACHED = 1_000;
  private static final java.util.concurrent.ConcurrentHashMap<String, List<VerificationKey>>
      PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Keys for verification from a certificate, public key, JWK or JWK set. Policies pass the same
   * key material on every request, so parsed keys are kept in a bounded cache.
   */
  static List<VerificationKey> verificationKeys(String material) throws BuiltinException {
    List<VerificationKey> cached = PARSED.get(material);
    if (cached == null) {
      cached = List.copyOf(parseKeys(material));
      if (PARSED.size() >= MAX_CACHED) {
        PARSED.clear();
      }
      PARSED.put(material, cached);
    }
    return cached;
  }

  private static List<VerificationKey> parseKeys(String material) throws BuiltinException {
    PemBlock block = pem(material);
    if (block != null) {
      if (!block.rest().isBlank()) {
        throw BuiltinException.error("extra data after a PEM certificate block");
      }
      if (block.type().equals("CERTIFICATE")) {
        try {
          PublicKey key =
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(block.bytes()))
                  .getPublicKey();
          return List.of(new VerificationKey(key, null, null, null));
        } catch (CertificateException e) {
          throw BuiltinException.error("failed to parse a PEM certificate: " + e.getMessage());
        }
      }
      if (block.type().equals("PUBLIC KEY")) {
        PublicKey key = publicKeyFromSpki(block.bytes());
        if (key == null) {
          throw BuiltinException.error("failed to parse a PEM public key");
        }
        return List.of(new VerificationKey(key, null, null, null));
      }
      throw BuiltinException.error("failed to extract a Key from the PEM certificate");
    }
    try {
      JsonNode node = JSON.readTree(material);
      List<VerificationKey> keys = new ArrayList<>();
      if (node != null && node.has("keys")) {
        for (JsonNode k : node.get("keys")) {
          keys.add(fromJwk(k));
        }
      } else {
        keys.add(fromJwk(node));
      }
      return keys;
    } catch (Exception e) {
      throw BuiltinException.error("failed to parse a JWK key (set): " + e.getMessage());
    }
  }

  static PublicKey publicKeyFromSpki(byte[] der) {
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next family
      }
    }
    return null;
  }

  private static VerificationKey fromJwk(JsonNode jwk) throws GeneralSecurityException {
    if (jwk == null || !jwk.isObject()) {
      throw new IllegalArgumentException("not a JWK object");
    }
    String kty = text(jwk, "kty");
    String alg = jwk.hasNonNull("alg") ? jwk.get("alg").asText() : null;
    String kid = jwk.hasNonNull("kid") ? jwk.get("kid").asText() : null;
    switch (kty) {
      case "RSA":
        return new VerificationKey(
            KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(big(jwk, "n"), big(jwk, "e"))),
            null,
            alg,
            kid);
      case "EC":
        {
          ECParameterSpec params = curve(text(jwk, "crv"));
          ECPoint w = new ECPoint(big(jwk, "x"), big(jwk, "y"));
          return new VerificationKey(
              KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params)),
              null,
              alg,
              kid);
        }
      case "OKP":
        return new VerificationKey(ed25519Public(bytes(jwk, "x")), null, alg, kid);
      case "oct":
        return new VerificationKey(null, bytes(jwk, "k"), alg, kid);
      default:
        throw new IllegalArgumentException("unsupported key type " + kty);
    }
  }

  /** The signing key of a JWK: HMAC secret bytes or a private key. */
  static Object signingKey(JsonNode jwk) throws GeneralSecurityException {
    String kty = text(jwk, "kty");
    switch (kty) {
      case "oct":
        return bytes(jwk, "k");
      case "RSA":
        if (jwk.hasNonNull("p") && jwk.hasNonNull("q")) {
          return KeyFactory.getInstance("RSA")
              .generatePrivate(
                  new RSAPrivateCrtKeySpec(
                      big(jwk, "n"),
                      big(jwk, "e"),
                      big(jwk, "d"),
                      big(jwk, "p"),
                      big(jwk, "q"),
                      big(jwk, "dp"),
                      big(jwk, "dq"),
                      big(jwk, "qi")));
        }
        return KeyFactory.getInstance("RSA")
            .generatePrivate(new RSAPrivateKeySpec(big(jwk, "n"), big(jwk, "d")));
      case "EC":
        return KeyFactory.getInstance("EC")
            .generatePrivate(new ECPrivateKeySpec(big(jwk, "d"), curve(text(jwk, "crv"))));
      case "OKP":
        return KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, bytes(jwk, "d")));
      default:
        throw new IllegalArgumentException("unsupported key type " + kty);
    }
  }

  static PrivateKey privateKeyFromPkcs8(byte[] der) {
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next family
      }
    }
    return null;
  }

  private static PublicKey ed25519Public(byte[] raw) throws GeneralSecurityException {
    // SubjectPublicKeyInfo for Ed25519 is a fixed 12-byte prefix followed by the raw key.
    byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] der = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, der, 0, prefix.length);
    System.arraycopy(raw, 0, der, prefix.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }

  private static ECParameterSpec curve(String crv) throws GeneralSecurityException {
    String name =
        switch (crv) {
          case "P-256" -> "secp256r1";
          case "P-384" -> "secp384r1";
          case "P-521" -> "secp521r1";
          default -> throw new IllegalArgumentException("unsupported curve " + crv);
        };
    AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
    p.init(new ECGenParameterSpec(name));
    return p.getParameterSpec(ECParameterSpec.class);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("JWK field " + field + " missing");
    }
    return v.asText();
  }

  private static byte[] bytes(JsonNode n, String field) {
    return Base64.getUrlDecoder().decode(text(n, field).replace("=", ""));
  }

  private static BigInteger big(JsonNode n, String field) {
    return new BigInteger(1, bytes(n, field));
  }
}
