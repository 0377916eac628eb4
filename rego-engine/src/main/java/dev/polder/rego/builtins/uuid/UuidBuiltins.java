package dev.polder.rego.builtins.uuid;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.OBJECT;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** uuid.rfc4122 (random, stable per evaluation and key) and uuid.parse. */
public final class UuidBuiltins {

  private UuidBuiltins() {}

  private record RfcKey(String key) {}

  /** 100-ns intervals between 1582-10-15 and 1970-01-01. */
  private static final long GREGORIAN_OFFSET = 122_192_928_000_000_000L;

  public static void register(BuiltinRegistry r) {
    r.register(Builtin.nondeterministic("uuid.rfc4122", fn(S, S), UuidBuiltins::rfc4122));
    r.register(Builtin.of("uuid.parse", fn(OBJECT, A), (c, a) -> parse(a.get(0))));
  }

  private static Value rfc4122(BuiltinContext c, List<Value> a)
      throws dev.polder.rego.builtins.BuiltinException {
    RfcKey key = new RfcKey(Operands.string(a, 1));
    return (Value)
        c.cache().computeIfAbsent(key, k -> StringValue.of(UUID.randomUUID().toString()));
  }

  /** The fields OPA reports for a UUID; null (undefined) if the text is not a UUID. */
  static Value parse(Value v) {
    if (!(v instanceof StringValue sv)) {
      return null;
    }
    byte[] b = bytes(sv.value());
    if (b == null) {
      return null;
    }
    ObjectValue.Builder out = ObjectValue.builder();
    int variantBits = b[8] & 0xff;
    String variant =
        (variantBits & 0x80) == 0
            ? "Reserved"
            : (variantBits & 0xc0) == 0x80
                ? "RFC4122"
                : (variantBits & 0xe0) == 0xc0 ? "Microsoft" : "Future";
    int version = (b[6] & 0xff) >> 4;
    out.put("variant", StringValue.of(variant));
    out.put("version", NumberValue.of(version));
    if (version == 1 || version == 2) {
      long time =
          (u32(b, 0) & 0xffffffffL) | ((long) u16(b, 4) << 32) | ((long) (u16(b, 6) & 0xfff) << 48);
      BigInteger unixNanos =
          BigInteger.valueOf(time - GREGORIAN_OFFSET).multiply(BigInteger.valueOf(100));
      out.put("time", NumberValue.of(unixNanos));
      out.put("clocksequence", NumberValue.of(u16(b, 8) & 0x3fff));
      StringBuilder node = new StringBuilder();
      for (int i = 10; i < 16; i++) {
        if (i > 10) {
          node.append('-');
        }
        node.append(String.format("%02x", b[i] & 0xff));
      }
      out.put("nodeid", StringValue.of(node.toString()));
      int first = b[10] & 0xff;
      out.put(
          "macvariables",
          StringValue.of(
              ((first & 0x02) != 0 ? "local" : "global")
                  + ":"
                  + ((first & 0x01) != 0 ? "multicast" : "unicast")));
      if (version == 2) {
        int domain = b[9] & 0xff;
        out.put(
            "domain",
            StringValue.of(
                switch (domain) {
                  case 0 -> "Person";
                  case 1 -> "Group";
                  case 2 -> "Org";
                  default -> "Domain" + domain;
                }));
        out.put("id", NumberValue.of(u32(b, 0) & 0xffffffffL));
      }
    }
    return out.build();
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  private static int u32(byte[] b, int i) {
    return (u16(b, i) << 16) | u16(b, i + 2);
  }

  /** Accepts the forms Google's uuid.Parse does: plain, {braced}, urn:uuid:, 32 hex digits. */
  private static byte[] bytes(String s) {
    String t = s;
    if (t.length() == 36 + 9 && t.toLowerCase(Locale.ROOT).startsWith("urn:uuid:")) {
      t = t.substring(9);
    } else if (t.length() == 38 && t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, 37);
    }
    String hex;
    if (t.length() == 36) {
      if (t.charAt(8) != '-' || t.charAt(13) != '-' || t.charAt(18) != '-' || t.charAt(23) != '-') {
        return null;
      }
      hex = t.replace("-", "");
    } else if (t.length() == 32) {
      hex = t;
    } else {
      return null;
    }
    if (hex.length() != 32) {
      return null;
    }
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      b[i] = (byte) ((hi << 4) | lo);
    }
    return b;
  }
}
