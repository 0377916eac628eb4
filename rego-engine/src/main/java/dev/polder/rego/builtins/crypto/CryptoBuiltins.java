package dev.polder.rego.builtins.crypto;

import static dev.polder.rego.builtins.operands.Operands.string;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** crypto.md5/sha1/sha256, crypto.hmac.* and crypto.hmac.equal. */
public final class CryptoBuiltins {

  private CryptoBuiltins() {}

  public static void register(BuiltinRegistry r) {
    digest(r, "crypto.md5", "MD5");
    digest(r, "crypto.sha1", "SHA-1");
    digest(r, "crypto.sha256", "SHA-256");
    hmac(r, "crypto.hmac.md5", "HmacMD5");
    hmac(r, "crypto.hmac.sha1", "HmacSHA1");
    hmac(r, "crypto.hmac.sha256", "HmacSHA256");
    hmac(r, "crypto.hmac.sha512", "HmacSHA512");
    r.register(
        Builtin.of(
            "crypto.hmac.equal",
            fn(B, S, S),
            (c, a) ->
                BooleanValue.of(
                    MessageDigest.isEqual(
                        string(a, 1).getBytes(StandardCharsets.UTF_8),
                        string(a, 2).getBytes(StandardCharsets.UTF_8)))));
    X509Builtins.register(r);
  }

  private static void digest(BuiltinRegistry r, String name, String algorithm) {
    r.register(
        Builtin.of(
            name,
            fn(S, S),
            (c, a) -> {
              try {
                byte[] d =
                    MessageDigest.getInstance(algorithm)
                        .digest(string(a, 1).getBytes(StandardCharsets.UTF_8));
                return StringValue.of(HexFormat.of().formatHex(d));
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " unavailable", e);
              }
            }));
  }

  private static void hmac(BuiltinRegistry r, String name, String algorithm) {
    r.register(
        Builtin.of(
            name,
            fn(S, S, S),
            (c, a) -> {
              try {
                byte[] key = string(a, 2).getBytes(StandardCharsets.UTF_8);
                Mac mac = Mac.getInstance(algorithm);
                mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
                byte[] d = mac.doFinal(string(a, 1).getBytes(StandardCharsets.UTF_8));
                return StringValue.of(HexFormat.of().formatHex(d));
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " unavailable", e);
              }
            }));
  }
}
