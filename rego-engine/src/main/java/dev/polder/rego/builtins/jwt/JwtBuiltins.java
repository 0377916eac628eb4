package dev.polder.rego.builtins.jwt;

import static dev.polder.rego.builtins.operands.Operands.string;
import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.OBJECT;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.encoding.JsonBuiltins;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** io.jwt.decode, io.jwt.verify_*, io.jwt.decode_verify, io.jwt.encode_sign(_raw). */
public final class JwtBuiltins {

  private JwtBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(Builtin.of("io.jwt.decode", fn(arrayOf(A), S), (c, a) -> decode(string(a, 1))));
    for (JwsAlgorithm alg : JwsAlgorithm.values()) {
      String name = "io.jwt.verify_" + alg.name().toLowerCase(java.util.Locale.ROOT);
      r.register(Builtin.of(name, fn(B, S, S), (c, a) -> verify(alg, string(a, 1), string(a, 2))));
    }
    r.register(
        Builtin.of(
            "io.jwt.decode_verify",
            fn(arrayOf(A), S, OBJECT),
            (c, a) -> DecodeVerify.run(c, string(a, 1), (ObjectValue) a.get(1))));
    r.register(
        Builtin.of(
            "io.jwt.encode_sign",
            fn(S, OBJECT, OBJECT, OBJECT),
            (c, a) -> JwtSigner.encodeSign(a.get(0), a.get(1), a.get(2))));
    r.register(
        Builtin.of(
            "io.jwt.encode_sign_raw",
            fn(S, S, S, S),
            (c, a) -> JwtSigner.encodeSignRaw(string(a, 1), string(a, 2), string(a, 3))));
  }

  /** [header, payload, signature as hex]; a nested JWT ({@code cty: JWT}) is decoded to the end. */
  static Value decode(String token) throws BuiltinException {
    JwsToken t = JwsToken.parse(token);
    String payload = t.payloadText();
    if ("JWT".equals(t.headerString("cty"))) {
      return decode(trimQuotes(payload));
    }
    Value claims = payloadObject(payload);
    String sig = HexFormat.of().formatHex(t.signature());
    return ArrayValue.of(t.header, claims, StringValue.of(sig));
  }

  static String trimQuotes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == '"' || s.charAt(start) == '\'')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == '"' || s.charAt(end - 1) == '\'')) {
      end--;
    }
    return s.substring(start, end);
  }

  static ObjectValue payloadObject(String payload) throws BuiltinException {
    Value v = JsonBuiltins.parseJson(payload);
    if (!(v instanceof ObjectValue o)) {
      throw BuiltinException.error("JWT payload must be a JSON object");
    }
    return o;
  }

  private static Value verify(JwsAlgorithm alg, String token, String keyMaterial)
      throws BuiltinException {
    // OPA's order: split, keys, signature, then header (so key errors come first).
    JwsToken t = JwsToken.split(token);
    if (alg.isHmac()) {
      byte[] signature = t.signature();
      t.decodeHeader();
      return BooleanValue.of(
          alg.verifyHmac(
              keyMaterial.getBytes(StandardCharsets.UTF_8), t.signingInput(), signature));
    }
    List<JwtKeys.VerificationKey> keys = JwtKeys.verificationKeys(keyMaterial);
    byte[] signature = t.signature();
    t.decodeHeader();
    for (JwtKeys.VerificationKey key : keys) {
      if (key.key() != null && alg.verify(key.key(), t.signingInput(), signature)) {
        return BooleanValue.TRUE;
      }
    }
    return BooleanValue.FALSE;
  }

  /** Verifies a token's signature with the given keys (any key may match). */
  static boolean verifyWithKeys(
      JwsAlgorithm alg, String kid, JwsToken t, List<JwtKeys.VerificationKey> keys)
      throws BuiltinException {
    byte[] signature = t.signature();
    for (JwtKeys.VerificationKey key : keys) {
      if (key.alg() != null && !key.alg().equals(alg.name())) {
        continue;
      }
      if (kid != null && key.kid() != null && !kid.equals(key.kid())) {
        continue;
      }
      boolean ok =
          alg.isHmac()
              ? key.secret() != null && alg.verifyHmac(key.secret(), t.signingInput(), signature)
              : key.key() != null && alg.verify(key.key(), t.signingInput(), signature);
      if (ok) {
        return true;
      }
    }
    return false;
  }
}
