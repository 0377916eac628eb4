package dev.polder.rego.builtins.jwt;

import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * io.jwt.decode_verify: verifies the signature (cert or secret), then iss, aud, exp and nbf as OPA
 * does. An invalid token gives [false, {}, {}]; malformed input is an error.
 */
final class DecodeVerify {

  private DecodeVerify() {}

  private static final ArrayValue UNVERIFIED =
      ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private record Constraints(
      List<JwtKeys.VerificationKey> keys,
      byte[] secret,
      String alg,
      String iss,
      String aud,
      BigDecimal timeNs) {}

  static Value run(BuiltinContext ctx, String token, ObjectValue options) throws BuiltinException {
    Constraints c = constraints(ctx, options);
    String current = token;
    JwsToken t;
    while (true) {
      t = JwsToken.parse(current);
      String algName = t.headerString("alg");
      JwsAlgorithm alg = algName == null ? null : JwsAlgorithm.of(algName);
      if (alg == null || t.header.get("crit") != null) {
        return UNVERIFIED;
      }
      if (c.alg != null && !c.alg.equals(algName)) {
        return UNVERIFIED;
      }
      boolean verified;
      if (c.secret != null) {
        verified = alg.isHmac() && alg.verifyHmac(c.secret, t.signingInput(), t.signature());
      } else {
        verified = JwtBuiltins.verifyWithKeys(alg, t.headerString("kid"), t, c.keys);
      }
      if (!verified) {
        return UNVERIFIED;
      }
      if (!t.nested()) {
        break;
      }
      current = JwtBuiltins.trimQuotes(t.payloadText());
    }
    ObjectValue payload = JwtBuiltins.payloadObject(t.payloadText());
    if (c.iss != null && !StringValue.of(c.iss).equals(payload.get("iss"))) {
      return UNVERIFIED;
    }
    Value aud = payload.get("aud");
    if (aud != null ? !validAudience(c.aud, aud) : c.aud != null) {
      return UNVERIFIED;
    }
    BigDecimal now = c.timeNs.divide(NANOS_PER_SECOND);
    Value exp = payload.get("exp");
    if (exp != null) {
      if (!(exp instanceof NumberValue n)) {
        throw BuiltinException.error("exp value must be a number");
      }
      if (now.compareTo(n.asBigDecimal()) >= 0) {
        return UNVERIFIED;
      }
    }
    Value nbf = payload.get("nbf");
    if (nbf != null) {
      if (!(nbf instanceof NumberValue n)) {
        throw BuiltinException.error("nbf value must be a number");
      }
      if (now.compareTo(n.asBigDecimal()) < 0) {
        return UNVERIFIED;
      }
    }
    // t is the innermost token of a nested JWT: its header and claims are the answer.
    return ArrayValue.of(BooleanValue.TRUE, t.header, payload);
  }

  private static boolean validAudience(String expected, Value aud) {
    if (expected == null) {
      return false;
    }
    if (aud instanceof StringValue s) {
      return s.value().equals(expected);
    }
    if (aud instanceof ArrayValue a) {
      for (Value v : a) {
        if (v instanceof StringValue s && s.value().equals(expected)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Constraints constraints(BuiltinContext ctx, ObjectValue options)
      throws BuiltinException {
    List<JwtKeys.VerificationKey> keys = null;
    byte[] secret = null;
    String alg = null;
    String iss = null;
    String aud = null;
    BigDecimal time = BigDecimal.valueOf(ctx.timeNowNs());
    for (Value k : options.sortedKeys()) {
      String name = k instanceof StringValue s ? s.value() : k.toString();
      Value v = options.get(k);
      switch (name) {
        case "cert" -> keys = JwtKeys.verificationKeys(text(name, v));
        case "secret" -> secret = text(name, v).getBytes(StandardCharsets.UTF_8);
        case "alg" -> alg = text(name, v);
        case "iss" -> iss = text(name, v);
        case "aud" -> aud = text(name, v);
        case "time" -> {
          if (!(v instanceof NumberValue n)) {
            throw BuiltinException.error("token time constraint: must be a number");
          }
          time = n.asBigDecimal();
        }
        default -> throw BuiltinException.error("unknown token validation constraint: " + name);
      }
    }
    if ((keys == null) == (secret == null)) {
      throw BuiltinException.error("exactly one of \"cert\" or \"secret\" must be supplied");
    }
    return new Constraints(keys, secret, alg, iss, aud, time);
  }

  private static String text(String name, Value v) throws BuiltinException {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.error("token " + name + " constraint: must be a string");
  }
}
