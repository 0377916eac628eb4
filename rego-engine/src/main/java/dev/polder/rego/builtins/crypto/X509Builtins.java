package dev.polder.rego.builtins.crypto;

import static dev.polder.rego.builtins.operands.Operands.string;
import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.OBJECT;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.encoding.GoBase64;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** crypto.x509.* certificate and key parsing with the JDK's X.509 support. */
final class X509Builtins {

  private X509Builtins() {}

  static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "crypto.x509.parse_certificates",
            fn(arrayOf(OBJECT), S),
            (c, a) -> {
              List<Value> out = new ArrayList<>();
              for (X509Certificate cert : certificates(string(a, 1))) {
                out.add(CertificateJson.of(cert));
              }
              return ArrayValue.of(out);
            }));
    r.register(
        Builtin.of(
            "crypto.x509.parse_and_verify_certificates",
            fn(arrayOf(A), S),
            X509Builtins::parseAndVerify));
    r.register(
        Builtin.of(
            "crypto.x509.parse_certificate_request",
            fn(OBJECT, S),
            (c, a) -> {
              byte[] data = pemOrBase64(string(a, 1));
              String text = new String(data, StandardCharsets.ISO_8859_1);
              if (text.startsWith("-----BEGIN")) {
                for (Pem.Block b : Pem.decodeAll(text)) {
                  if (b.type().contains("CERTIFICATE REQUEST")) {
                    return CertificateRequests.parse(b.bytes());
                  }
                }
                throw BuiltinException.error("failed to decode a PEM certificate request");
              }
              return CertificateRequests.parse(data);
            }));
    r.register(
        Builtin.of(
            "crypto.x509.parse_rsa_private_key",
            fn(OBJECT, S),
            (c, a) -> {
              PrivateKey key = privateKey(string(a, 1));
              if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw BuiltinException.error("not an RSA private key");
              }
              return rsaJwk(rsa);
            }));
    r.register(
        Builtin.of(
            "crypto.parse_private_keys",
            fn(arrayOf(OBJECT), S),
            (c, a) -> {
              String s = string(a, 1);
              if (s.isEmpty()) {
                return Value.nullValue();
              }
              List<Value> out = new ArrayList<>();
              for (Pem.Block block : Pem.decodeAll(s)) {
                PrivateKey k = Pem.privateKey(block);
                if (k instanceof RSAPrivateCrtKey rsa) {
                  out.add(rsaJwk(rsa));
                } else if (k != null) {
                  out.add(
                      ObjectValue.ofStrings(
                          "kty", StringValue.of(k.getAlgorithm()),
                          "der",
                              StringValue.of(Base64.getEncoder().encodeToString(k.getEncoded()))));
                }
              }
              return ArrayValue.of(out);
            }));
    r.register(
        Builtin.of(
            "crypto.x509.parse_keypair",
            fn(OBJECT, S, S),
            (c, a) -> {
              List<X509Certificate> certs = certificates(string(a, 1));
              PrivateKey key = privateKey(string(a, 2));
              if (!certs.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
                throw BuiltinException.error(
                    "tls: private key type does not match public key type");
              }
              List<Value> der = new ArrayList<>();
              for (X509Certificate cert : certs) {
                der.add(StringValue.of(Base64.getEncoder().encodeToString(encoded(cert))));
              }
              return ObjectValue.ofStrings("Certificate", ArrayValue.of(der));
            }));
  }

  private static byte[] encoded(X509Certificate cert) throws BuiltinException {
    try {
      return cert.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw BuiltinException.error("x509: " + e.getMessage());
    }
  }

  /** PEM text, or base64 of PEM or DER, as OPA accepts certificates. */
  static List<X509Certificate> certificates(String input) throws BuiltinException {
    byte[] data = pemOrBase64(input);
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      String text = new String(data, StandardCharsets.ISO_8859_1);
      if (text.startsWith("-----BEGIN")) {
        for (Pem.Block b : Pem.decodeAll(text)) {
          if (b.type().equals("CERTIFICATE")) {
            out.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(b.bytes())));
          }
        }
      } else {
        ByteArrayInputStream in = new ByteArrayInputStream(data);
        while (in.available() > 0) {
          out.add((X509Certificate) f.generateCertificate(in));
        }
      }
    } catch (CertificateException | ClassCastException e) {
      throw BuiltinException.error("x509: malformed certificate");
    }
    if (out.isEmpty()) {
      throw BuiltinException.error("x509: malformed certificate");
    }
    return out;
  }

  private static byte[] pemOrBase64(String input) throws BuiltinException {
    if (input.startsWith("-----BEGIN")) {
      return input.getBytes(StandardCharsets.ISO_8859_1);
    }
    try {
      return GoBase64.decode(input, false, true);
    } catch (GoBase64.DecodeException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static PrivateKey privateKey(String input) throws BuiltinException {
    byte[] data = pemOrBase64(input);
    String text = new String(data, StandardCharsets.ISO_8859_1);
    List<Pem.Block> blocks = text.startsWith("-----BEGIN") ? Pem.decodeAll(text) : List.of();
    for (Pem.Block b : blocks) {
      PrivateKey k = Pem.privateKey(b);
      if (k != null) {
        return k;
      }
    }
    if (blocks.isEmpty()) {
      try {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(data));
      } catch (GeneralSecurityException e) {
        // fall through
      }
    }
    throw BuiltinException.error("failed to parse a private key");
  }

  private static ObjectValue rsaJwk(RSAPrivateCrtKey k) {
    return ObjectValue.ofStrings(
        "kty", StringValue.of("RSA"),
        "n", b64(k.getModulus()),
        "e", b64(k.getPublicExponent()),
        "d", b64(k.getPrivateExponent()),
        "p", b64(k.getPrimeP()),
        "q", b64(k.getPrimeQ()),
        "dp", b64(k.getPrimeExponentP()),
        "dq", b64(k.getPrimeExponentQ()),
        "qi", b64(k.getCrtCoefficient()));
  }

  private static StringValue b64(BigInteger n) {
    byte[] b = n.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = java.util.Arrays.copyOfRange(b, 1, b.length);
    }
    return StringValue.of(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
  }

  /**
   * [valid, chain]: as OPA, the first certificate is the trusted root, the last the leaf and the
   * others intermediates. Each must be signed by its parent, issuers must be CAs, and all must be
   * valid at the evaluation time. The chain is returned leaf first, as Go's Verify returns it.
   */
  private static Value parseAndVerify(BuiltinContext c, List<Value> a) throws BuiltinException {
    List<X509Certificate> certs;
    try {
      certs = certificates(string(a, 1));
    } catch (BuiltinException e) {
      return ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);
    }
    List<X509Certificate> chain = new ArrayList<>(certs);
    java.util.Collections.reverse(chain);
    boolean valid = chain.size() >= 2;
    Date now = new Date(c.timeNowNs() / 1_000_000L);
    for (int i = 0; valid && i < chain.size(); i++) {
      X509Certificate cert = chain.get(i);
      X509Certificate issuer = chain.get(Math.min(i + 1, chain.size() - 1));
      try {
        cert.checkValidity(now);
        cert.verify(issuer.getPublicKey());
        if (i > 0 && cert.getBasicConstraints() < 0) {
          valid = false;
        }
      } catch (GeneralSecurityException e) {
        valid = false;
      }
    }
    if (!valid) {
      return ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);
    }
    List<Value> out = new ArrayList<>();
    for (X509Certificate cert : chain) {
      out.add(CertificateJson.of(cert));
    }
    return ArrayValue.of(BooleanValue.TRUE, ArrayValue.of(out));
  }
}
