package dev.polder.rego.builtins.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.encoding.GoJson;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Base64;

/** io.jwt.encode_sign and io.jwt.encode_sign_raw: compact JWS with a JWK signing key. */
final class JwtSigner {

  private JwtSigner() {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  static Value encodeSign(Value header, Value payload, Value key) throws BuiltinException {
    return encodeSignRaw(GoJson.marshal(header), GoJson.marshal(payload), GoJson.marshal(key));
  }

  static Value encodeSignRaw(String header, String payload, String key) throws BuiltinException {
    JsonNode h = parseHeader(header);
    JsonNode alg = h == null ? null : h.get("alg");
    if (alg == null || !alg.isTextual()) {
      throw BuiltinException.error(
          "missing or invalid 'alg' header: jwsbb: header \"alg\" not found");
    }
    JwsAlgorithm algorithm = JwsAlgorithm.of(alg.asText());
    if (algorithm == null) {
      throw BuiltinException.error("unknown JWS algorithm: " + alg.asText());
    }
    JsonNode typ = h.get("typ");
    if (typ != null
        && typ.isTextual()
        && typ.asText().equalsIgnoreCase("JWT")
        && !isJson(payload)) {
      throw BuiltinException.error("type is JWT but payload is not JSON");
    }
    String input =
        B64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    byte[] signature;
    try {
      JsonNode jwk = JSON.readTree(key);
      Object signingKey = JwtKeys.signingKey(jwk);
      byte[] in = input.getBytes(StandardCharsets.US_ASCII);
      if (algorithm.isHmac()) {
        if (!(signingKey instanceof byte[] secret)) {
          throw BuiltinException.error("key for " + algorithm + " must be a symmetric (oct) JWK");
        }
        signature = algorithm.hmac(secret, in);
      } else {
        if (!(signingKey instanceof PrivateKey pk) || !algorithm.accepts(pk)) {
          throw BuiltinException.error("key does not match JWS algorithm " + algorithm);
        }
        signature = algorithm.sign(pk, in);
      }
    } catch (BuiltinException e) {
      throw e;
    } catch (GeneralSecurityException | RuntimeException | java.io.IOException e) {
      throw BuiltinException.error("failed to sign JWT: " + e.getMessage());
    }
    return StringValue.of(input + "." + B64.encodeToString(signature));
  }

  private static JsonNode parseHeader(String header) throws BuiltinException {
    if (header.isEmpty()) {
      throw BuiltinException.error(
          "missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string");
    }
    if (!header.strip().startsWith("{")) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(header);
      return n.isObject() ? n : null;
    } catch (java.io.IOException e) {
      throw BuiltinException.error("missing or invalid 'alg' header: cannot parse JSON");
    }
  }

  private static boolean isJson(String s) {
    try {
      JsonNode n = JSON.readTree(s);
      return n != null && !n.isMissingNode();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
