package dev.polder.rego.builtins.encoding;

import static dev.polder.rego.builtins.operands.Operands.str;
import static dev.polder.rego.builtins.operands.Operands.string;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;
import static dev.polder.rego.types.Types.objectOf;
import static dev.polder.rego.types.Types.setOf;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** base64, base64url, hex and urlquery built-ins. */
public final class EncodingBuiltins {

  private EncodingBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "base64.encode",
            fn(S, S),
            (c, a) -> str(Base64.getEncoder().encodeToString(utf8(string(a, 1))))));
    r.register(Builtin.of("base64.decode", fn(S, S), (c, a) -> decode(string(a, 1), false, true)));
    r.register(
        Builtin.of(
            "base64.is_valid",
            fn(B, S),
            (c, a) -> {
              try {
                GoBase64.decode(string(a, 1), false, true);
                return BooleanValue.TRUE;
              } catch (GoBase64.DecodeException e) {
                return BooleanValue.FALSE;
              }
            }));
    r.register(
        Builtin.of(
            "base64url.encode",
            fn(S, S),
            (c, a) -> str(Base64.getUrlEncoder().encodeToString(utf8(string(a, 1))))));
    r.register(
        Builtin.of(
            "base64url.encode_no_pad",
            fn(S, S),
            (c, a) ->
                str(Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(string(a, 1))))));
    r.register(
        Builtin.of(
            "base64url.decode",
            fn(S, S),
            (c, a) -> {
              String s = string(a, 1);
              // OPA accepts both padded and unpadded input.
              return decode(s, true, s.length() % 4 == 0);
            }));
    r.register(Builtin.of("hex.encode", fn(S, S), (c, a) -> str(hex(utf8(string(a, 1))))));
    r.register(Builtin.of("hex.decode", fn(S, S), EncodingBuiltins::hexDecode));
    r.register(
        Builtin.of("urlquery.encode", fn(S, S), (c, a) -> str(UrlQuery.escape(string(a, 1)))));
    r.register(
        Builtin.of(
            "urlquery.decode",
            fn(S, S),
            (c, a) -> {
              try {
                return str(UrlQuery.unescape(string(a, 1)));
              } catch (IllegalArgumentException e) {
                throw BuiltinException.error(e.getMessage());
              }
            }));
    r.register(
        Builtin.of(
            "urlquery.encode_object",
            fn(S, objectOf(S, anyOf(S, arrayOf(S), setOf(S)))),
            EncodingBuiltins::encodeObject));
    r.register(
        Builtin.of(
            "urlquery.decode_object",
            fn(objectOf(S, arrayOf(S)), S),
            EncodingBuiltins::decodeObject));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Value decode(String s, boolean url, boolean padded) throws BuiltinException {
    try {
      return str(GoStrings.fromUtf8(GoBase64.decode(s, url, padded)));
    } catch (GoBase64.DecodeException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  private static Value hexDecode(BuiltinContext c, List<Value> a) throws BuiltinException {
    String s = string(a, 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() / 2);
    int i = 0;
    for (; i + 1 < s.length(); i += 2) {
      int hi = hexDigit(s, i);
      int lo = hexDigit(s, i + 1);
      out.write((hi << 4) | lo);
    }
    if (i < s.length()) {
      hexDigit(s, i);
      throw BuiltinException.error("encoding/hex: odd length hex string");
    }
    return str(GoStrings.fromUtf8(out.toByteArray()));
  }

  private static int hexDigit(String s, int i) throws BuiltinException {
    char ch = s.charAt(i);
    int d = Character.digit(ch, 16);
    if (d < 0 || ch > 'f') {
      throw BuiltinException.error(
          String.format("encoding/hex: invalid byte: U+%04X '%c'", (int) ch, ch));
    }
    return d;
  }

  private static Value encodeObject(BuiltinContext c, List<Value> a) throws BuiltinException {
    ObjectValue o = Operands.object(a, 1);
    StringBuilder out = new StringBuilder();
    for (Value k : o.sortedKeys()) {
      if (!(k instanceof StringValue ks)) {
        throw BuiltinException.typeError("operand 1 must be object with string keys");
      }
      Value v = o.get(k);
      List<Value> values = v instanceof StringValue ? List.of(v) : null;
      if (values == null && (v.isArray() || v.isSet())) {
        values = Operands.elements(v);
      }
      if (values == null) {
        throw BuiltinException.typeError(
            "operand 1 values must be string, array[string], or set[string] but got "
                + v.typeName());
      }
      for (Value e : values) {
        if (!(e instanceof StringValue es)) {
          throw BuiltinException.typeError(
              "operand 1 values must be string, array[string], or set[string] but got "
                  + v.typeName()
                  + " containing "
                  + e.typeName());
        }
        if (out.length() > 0) {
          out.append('&');
        }
        out.append(UrlQuery.escape(ks.value())).append('=').append(UrlQuery.escape(es.value()));
      }
    }
    return str(out.toString());
  }

  private static Value decodeObject(BuiltinContext c, List<Value> a) throws BuiltinException {
    String s = string(a, 1);
    Map<String, List<Value>> params = new LinkedHashMap<>();
    for (String pair : s.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      if (pair.contains(";")) {
        throw BuiltinException.error("invalid semicolon separator in query");
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params
            .computeIfAbsent(UrlQuery.unescape(key), k -> new ArrayList<>())
            .add(StringValue.of(UrlQuery.unescape(value)));
      } catch (IllegalArgumentException e) {
        throw BuiltinException.error(e.getMessage());
      }
    }
    ObjectValue.Builder b = ObjectValue.builder();
    params.forEach((k, v) -> b.put(k, ArrayValue.of(v)));
    return b.build();
  }
}
