package dev.polder.rego.builtins.jwt;

import static dev.polder.rego.builtins.testing.BuiltinTable.call;
import static dev.polder.rego.builtins.testing.BuiltinTable.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtBuiltinsTest {

  private static final String HS256_TOKEN =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiYWxpY2UiLCJhenAiOiJhbGljZSIsInN1Ym9yZGluYXRlcyI6W10sImhyIjpmYWxzZX0.rz3jTY033z-NrKfwrK89_dcLF7TN4gwCMj-fVBDyLoM";

  private static final String OCT_KEY =
      "{\"kty\": \"oct\", \"k\": \"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}";

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          io.jwt.decode | ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0.XmVoLoHI3pxMtMO_WRONMSJzGUDP9pDjy8Jp0_tdRXY"] | [{"alg": "HS256", "typ": "JWT"}, {"iss": "opa", "sub": "0"}, "5e65682e81c8de9c4cb4c3bf59138d3122731940cff690e3cbc269d3fb5d4576"]
          io.jwt.decode | ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6IkpXVCJ9.ImV5SmhiR2NpT2lKSVV6STFOaUlzSW5SNWNDSTZJa3BYVkNKOS5leUp6ZFdJaU9pSXdJaXdpYVhOeklqb2liM0JoSW4wLlhtVm9Mb0hJM3B4TXRNT19XUk9OTVNKekdVRFA5cERqeThKcDBfdGRSWFki.8W0qx4mLxslmZl7wEMUWBxH7tST3XsEuWXxesXqFnRI"] | [{"alg": "HS256", "typ": "JWT"}, {"iss": "opa", "sub": "0"}, "5e65682e81c8de9c4cb4c3bf59138d3122731940cff690e3cbc269d3fb5d4576"]
          io.jwt.decode | ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImVuYyI6ImJsYWgifQ.eyJuZXciOiJJIGFtIGEgdXNlciBjcmVhdGVkIGZpZWxkIiwiaXNzIjoib3BhIn0.McGUb1e-UviZKy6UyQErNNQzEUgeV25Buwk7OHOa8U8"] | error:JWT is a JWE object, which is not supported
          io.jwt.decode | ["abc"] | error:encoded JWT had no period separators
          io.jwt.decode | ["a.b"] | error:encoded JWT must have 3 sections, found 2
          io.jwt.decode | ["eyJhbGciOiJIU^%zI1NiI+sInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0.XmVo"] | error:JWT header had invalid encoding: illegal base64 data at input byte 13
          io.jwt.decode | ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwia/XNzIjoib3BhIn0.XmVo"] | error:JWT payload had invalid encoding: illegal base64 data at input byte 17
          io.jwt.verify_hs256 | ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiYWxpY2UiLCJhenAiOiJhbGljZSIsInN1Ym9yZGluYXRlcyI6W10sImhyIjpmYWxzZX0.rz3jTY033z-NrKfwrK89_dcLF7TN4gwCMj-fVBDyLoM", "secret"] | true
          io.jwt.verify_hs256 | ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiYWxpY2UiLCJhenAiOiJhbGljZSIsInN1Ym9yZGluYXRlcyI6W10sImhyIjpmYWxzZX0.R0NDxM1gHTucWQKwayMDre2PbMNR9K9efmOfygDZWcE", "secret"] | false
          io.jwt.verify_rs256 | ["a.b.c", "-----BEGIN CERT-----\\nAAAA\\n-----END CERT-----"] | error:failed to extract a Key from the PEM certificate
          io.jwt.verify_rs256 | ["a.b.c", "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\nEXTRA"] | error:extra data after a PEM certificate block
          io.jwt.verify_rs256 | ["a.b.c", "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----"] | error:failed to parse a PEM certificate
          io.jwt.verify_rs256 | ["a.b.c", "{\\"kty\\": \\"bogus\\"}"] | error:failed to parse a JWK key (set)
          io.jwt.encode_sign_raw | ["{\\"typ:\\"JWT\\", \\"alg\\":\\"HS256\\"}", "{}", "{}"] | error:missing or invalid 'alg' header: cannot parse JSON
          io.jwt.encode_sign_raw | ["", "{}", "{}"] | error:missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string
          io.jwt.encode_sign_raw | ["{}", "{}", "{}"] | error:missing or invalid 'alg' header: jwsbb: header "alg" not found
          io.jwt.encode_sign_raw | ["{\\"alg\\":\\"dummy\\"}", "{}", "{}"] | error:unknown JWS algorithm: dummy
          io.jwt.encode_sign_raw | ["{\\"typ\\":\\"JWT\\",\\"alg\\":\\"HS256\\"}", "e", "{}"] | error:type is JWT but payload is not JSON
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @Test
  void encodeSignMatchesRfc7515Example() {
    BuiltinTable.check(
        "io.jwt.encode_sign",
        new Value[] {json("{\"alg\": \"HS256\", \"typ\": \"JWT\"}"), json("{}"), json(OCT_KEY)},
        "\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.6cvao8lnOu6FAdK68jQFcDMXOmaWNwWiYhCgijd-AD8\"");
    BuiltinTable.check(
        "io.jwt.encode_sign_raw",
        new Value[] {
          StringValue.of("{\"typ\":\"text/plain\",\r\n \"alg\":\"HS256\"}"),
          StringValue.of("e"),
          StringValue.of(OCT_KEY)
        },
        "\"eyJ0eXAiOiJ0ZXh0L3BsYWluIiwNCiAiYWxnIjoiSFMyNTYifQ.ZQ.oO8Vnc4Jv7-J231a1bEcQrgXfKbNW-kEvVY7BP1v5rM\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
  void rsaSignaturesRoundTripWithPemAndJwk(String alg) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair pair = g.generateKeyPair();
    KeyPair other = g.generateKeyPair();
    RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
    ObjectValue jwk =
        ObjectValue.ofStrings(
            "kty",
            s("RSA"),
            "n",
            b64(k.getModulus()),
            "e",
            b64(k.getPublicExponent()),
            "d",
            b64(k.getPrivateExponent()),
            "p",
            b64(k.getPrimeP()),
            "q",
            b64(k.getPrimeQ()),
            "dp",
            b64(k.getPrimeExponentP()),
            "dq",
            b64(k.getPrimeExponentQ()),
            "qi",
            b64(k.getCrtCoefficient()));
    Value token =
        call(
            "io.jwt.encode_sign",
            json("{\"alg\": \"" + alg + "\"}"),
            json("{\"iss\": \"x\"}"),
            jwk);
    String verify = "io.jwt.verify_" + alg.toLowerCase(java.util.Locale.ROOT);
    assertEquals(BooleanValue.TRUE, call(verify, token, pem(pair)));
    assertEquals(BooleanValue.FALSE, call(verify, token, pem(other)));
    String publicJwk =
        "{\"kty\":\"RSA\",\"n\":"
            + b64(k.getModulus())
            + ",\"e\":"
            + b64(k.getPublicExponent())
            + "}";
    assertEquals(BooleanValue.TRUE, call(verify, token, s(publicJwk)));
  }

  @ParameterizedTest
  @CsvSource({"ES256,secp256r1,P-256,32", "ES384,secp384r1,P-384,48", "ES512,secp521r1,P-521,66"})
  void ecdsaSignaturesUseJoseEncoding(String alg, String curve, String crv, int size)
      throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    KeyPair pair = g.generateKeyPair();
    ECPublicKey pub = (ECPublicKey) pair.getPublic();
    ObjectValue jwk =
        ObjectValue.ofStrings(
            "kty",
            s("EC"),
            "crv",
            s(crv),
            "x",
            b64(pub.getW().getAffineX(), size),
            "y",
            b64(pub.getW().getAffineY(), size),
            "d",
            b64(((ECPrivateKey) pair.getPrivate()).getS(), size));
    Value token = call("io.jwt.encode_sign", json("{\"alg\": \"" + alg + "\"}"), json("{}"), jwk);
    String sig = ((StringValue) token).value().split("\\.")[2];
    assertEquals(2 * size, Base64.getUrlDecoder().decode(sig).length);
    String verify = "io.jwt.verify_" + alg.toLowerCase(java.util.Locale.ROOT);
    assertEquals(BooleanValue.TRUE, call(verify, token, pem(pair)));
    assertEquals(BooleanValue.TRUE, call(verify, token, s(jwk.toString())));
  }

  @Test
  void eddsaVerifiesWithPemPublicKey() throws BuiltinException {
    BuiltinTable.check(
        "io.jwt.verify_eddsa",
        new Value[] {
          s(
              "eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.JkKWCY39IdWEQttmdqR7VdsvT-_QxheW_eb0S5wr_j83ltux_JDUIXs7a3Dtn3xuqzuhetiuJrWIvy5TzimeCg"),
          s(
              "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAwmK6SSAu2E9V7uynkCKEaj5nZJyTvNG4x0KohsRzLpg=\n-----END PUBLIC KEY-----")
        },
        "true");
  }

  @ParameterizedTest(name = "decode_verify {0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          {"secret": "secret"}                            | true
          {"secret": "wrong"}                             | false
          {"secret": "secret", "alg": "RS256"}            | false
          {"secret": "secret", "iss": "xxx"}              | false
          {"secret": "secret", "aud": "bob"}              | false
          {"cert": "{\\"kty\\":\\"oct\\",\\"k\\":\\"c2VjcmV0\\"}"} | true
          {"secret": "secret", "bogus": 1}                | error:unknown token validation constraint: bogus
          {}                                              | error:exactly one of
          """)
  void decodeVerifyConstraints(String constraints, String valid) {
    String expected =
        valid.startsWith("error:")
            ? valid
            : valid.equals("true")
                ? "[true, {\"alg\": \"HS256\", \"typ\": \"JWT\"}, {\"azp\": \"alice\", \"hr\": false, \"subordinates\": [], \"user\": \"alice\"}]"
                : "[false, {}, {}]";
    BuiltinTable.check(
        "io.jwt.decode_verify", new Value[] {s(HS256_TOKEN), json(constraints)}, expected);
  }

  @Test
  void decodeVerifyChecksExpAndNbfAgainstTime() throws BuiltinException {
    ObjectValue key = (ObjectValue) json("{\"kty\": \"oct\", \"k\": \"NDI\"}");
    Value token =
        call(
            "io.jwt.encode_sign",
            json("{\"alg\": \"HS256\"}"),
            json("{\"exp\": 3000.2, \"nbf\": 1000.1}"),
            key);
    String valid = "[true, {\"alg\": \"HS256\"}, {\"exp\": 3000.2, \"nbf\": 1000.1}]";
    BuiltinTable.check(
        "io.jwt.decode_verify",
        new Value[] {token, json("{\"secret\": \"42\", \"time\": 2000000000000.1}")},
        valid);
    BuiltinTable.check(
        "io.jwt.decode_verify",
        new Value[] {token, json("{\"secret\": \"42\", \"time\": 3000200000000}")},
        "[false, {}, {}]");
    BuiltinTable.check(
        "io.jwt.decode_verify",
        new Value[] {token, json("{\"secret\": \"42\", \"time\": 1000000000000}")},
        "[false, {}, {}]");
    Value badExp =
        call("io.jwt.encode_sign", json("{\"alg\": \"HS256\"}"), json("{\"exp\": null}"), key);
    BuiltinTable.check(
        "io.jwt.decode_verify",
        new Value[] {badExp, json("{\"secret\": \"42\"}")},
        "error:exp value must be a number");
  }

  private static StringValue s(String v) {
    return StringValue.of(v);
  }

  private static StringValue b64(BigInteger n) {
    byte[] b = n.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = java.util.Arrays.copyOfRange(b, 1, b.length);
    }
    return s(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
  }

  private static StringValue b64(BigInteger n, int size) {
    byte[] raw = n.toByteArray();
    byte[] out = new byte[size];
    int len = Math.min(raw.length, size);
    System.arraycopy(raw, raw.length - len, out, size - len, len);
    return s(Base64.getUrlEncoder().withoutPadding().encodeToString(out));
  }

  private static StringValue pem(KeyPair pair) {
    return s(
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pair.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
  }
}
