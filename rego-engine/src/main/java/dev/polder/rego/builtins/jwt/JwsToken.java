package dev.polder.rego.builtins.jwt;

import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.encoding.GoBase64;
import dev.polder.rego.builtins.encoding.GoStrings;
import dev.polder.rego.builtins.encoding.JsonBuiltins;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.nio.charset.StandardCharsets;

/**
 * A compact JWS split into its parts, with OPA's messages for malformed tokens. The header is
 * decoded eagerly; payload and signature on demand.
 */
final class JwsToken {

  final String raw;
  final String encodedHeader;
  final String encodedPayload;
  final String encodedSignature;
  ObjectValue header;

  private JwsToken(String raw, String[] parts) {
    this.raw = raw;
    this.encodedHeader = parts[0];
    this.encodedPayload = parts[1];
    this.encodedSignature = parts[2];
  }

  /** Splits a token into its three parts and decodes its header. */
  static JwsToken parse(String token) throws BuiltinException {
    JwsToken t = split(token);
    t.decodeHeader();
    return t;
  }

  /** Splits a token without decoding anything (OPA checks keys before the header). */
  static JwsToken split(String token) throws BuiltinException {
    if (token.indexOf('.') < 0) {
      throw BuiltinException.error("encoded JWT had no period separators");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw BuiltinException.error("encoded JWT must have 3 sections, found " + parts.length);
    }
    return new JwsToken(token, parts);
  }

  ObjectValue decodeHeader() throws BuiltinException {
    if (header == null) {
      byte[] headerBytes = decodeSegment(encodedHeader, "header");
      Value h = JsonBuiltins.parseJson(new String(headerBytes, StandardCharsets.UTF_8));
      if (!(h instanceof ObjectValue o)) {
        throw BuiltinException.error("JWT header is not a JSON object");
      }
      if (o.get("enc") != null) {
        throw BuiltinException.error("JWT is a JWE object, which is not supported");
      }
      header = o;
    }
    return header;
  }

  /** Decodes a base64url segment (padding tolerated), naming the part in the error. */
  static byte[] decodeSegment(String segment, String part) throws BuiltinException {
    String s = segment;
    while (s.endsWith("=")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      return GoBase64.decode(s, true, false);
    } catch (GoBase64.DecodeException e) {
      throw BuiltinException.error("JWT " + part + " had invalid encoding: " + e.getMessage());
    }
  }

  byte[] payloadBytes() throws BuiltinException {
    return decodeSegment(encodedPayload, "payload");
  }

  String payloadText() throws BuiltinException {
    return GoStrings.fromUtf8(payloadBytes());
  }

  byte[] signature() throws BuiltinException {
    return decodeSegment(encodedSignature, "signature");
  }

  byte[] signingInput() {
    return (encodedHeader + "." + encodedPayload).getBytes(StandardCharsets.US_ASCII);
  }

  String headerString(String name) {
    return header.get(name) instanceof StringValue s ? s.value() : null;
  }

  /** True if the header declares a nested JWT ({@code cty: JWT}). */
  boolean nested() {
    String cty = headerString("cty");
    return cty != null && cty.equalsIgnoreCase("JWT");
  }
}
