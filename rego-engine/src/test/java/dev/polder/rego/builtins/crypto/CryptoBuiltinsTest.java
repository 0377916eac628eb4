package dev.polder.rego.builtins.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CryptoBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          crypto.md5         | ["lorem ipsum"]            | "80a751fde577028640c419000e33eba6"
          crypto.sha1        | ["lorem ipsum"]            | "bfb7759a67daeb65410490b4d98bb9da7d1ea2ce"
          crypto.sha256      | ["lorem ipsum"]            | "5e2bf57d3f40c4b6df69daf1936cb766f832374b4fc0259a7cbff06e2f70f269"
          crypto.hmac.sha256 | ["hello", "secret"]        | "88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b"
          crypto.hmac.md5    | ["hello", "secret"]        | "bade63863c61ed0b3165806ecd6acefc"
          crypto.hmac.equal  | ["abc", "abc"]             | true
          crypto.hmac.equal  | ["abc", "abd"]             | false
          crypto.x509.parse_certificates | ["YmFkc3RyaW5n"] | error:x509: malformed certificate
          crypto.x509.parse_certificates | ["foobar"]       | error:illegal base64
          crypto.x509.parse_rsa_private_key | ["invalid"]   | error:illegal base64
          crypto.parse_private_keys | ["nope"]              | []
          crypto.parse_private_keys | [""]                  | null
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @Test
  void rsaPrivateKeyInPkcs1PemBecomesAJwk() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    KeyPair pair = g.generateKeyPair();
    // PKCS#8 wraps the PKCS#1 key in an OCTET STRING at a fixed offset for RSA keys of this size.
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----";
    Value jwk = BuiltinTable.call("crypto.x509.parse_rsa_private_key", StringValue.of(pem));
    assertEquals(StringValue.of("RSA"), ((ObjectValue) jwk).get("kty"));
    assertEquals(StringValue.of("AQAB"), ((ObjectValue) jwk).get("e"));
    Value keys = BuiltinTable.call("crypto.parse_private_keys", StringValue.of(pem));
    assertEquals(1, ((ArrayValue) keys).size());
  }

  @Test
  void garbageChainIsNotValid() throws Exception {
    Value result =
        BuiltinTable.call(
            "crypto.x509.parse_and_verify_certificates", StringValue.of("YmFkc3RyaW5n"));
    assertEquals(BooleanValue.FALSE, ((ArrayValue) result).get(0));
  }
}
