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

  private static final String CSR_PEM_BASE64 =
      "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlJQ21EQ0NBWUFDQVFBd1V6RUxNQWtHQTFVRUJoTUNWVk14RkRBU0JnTlZCQU1NQzJWNFlXMXdiR1V1WTI5dApNUW93Q0FZRFZRUUhEQUVnTVFvd0NBWURWUVFLREFFZ01Rb3dDQVlEVlFRSURBRWdNUW93Q0FZRFZRUUxEQUVnCk1JSUJJakFOQmdrcWhraUc5dzBCQVFFRkFBT0NBUThBTUlJQkNnS0NBUUVBMlpkaG1zaERBVTBYYnhnTk1GQWsKeEdWQnNjaHdWb2s5dXBBU2ZVWDA4VFlqMFZrV0VxNitmemdOdmRQSnd6Nm1lUDlnL01hRmhPYW91Nmh1UEhmbwpTVTlKN1FiTW56Uktsc0VJTzNodEM1QUt3OXYyZldVZGpCQS92Q1dZdXU1aUc1ZTdtUHNXWjd1cGxuVGZSekM4ClJLK0srWXJtNEQ4NHE1bHR5NEMzS2tRc0FjU0xQZk9MMXMvYjJyV21KR0FoV3NSa2doTVk2V3dza3VYWXRINTkKRzl5VURHUUhoalprcHFlZFY0OUM4c0NwMU8vWVpvU0hncDdHK0JiaFRta05CRzY3OFZHREplTnB3SG96dnRjVQpyQVNGRFJ4WnhPdTFHRzE3L1FiVW9SNVVkOTNwaUtaU0U2UHVDU2VCcy9UQmFJc3ZwUGtudVhkOXI4WGovbVd5CmtRSURBUUFCb0FBd0RRWUpLb1pJaHZjTkFRRUxCUUFEZ2dFQkFBeDJkaCtkMU1CaEwwaDJYZklxaDVEYy9lYWoKU0xadGFNTWlJY1h1cC96UTl2eENXSkZlSGYzczBJdXliMEhkMlZNZ1BSYU8ydWRkY2JZdFFlKzJnWUtrTzFMWApCdHdQcXcwWHAweUF2dDUxRzJvZmVCbCtFa0ptNjk3RlNtemg4eDJJZFFBSkMzWi9ROFdMVmh3NFg2WlVicnhqCjJnTjJmaVhjS0RKbGVkcUgxY2V4WVVvbnlLSDZubG4wbzQzUUtEOFlSZG9hNVFqb3Ixb0JkY3dSTTA0VDM4ak0KV1B3d2JZTjNrVE9Ea0tiaVFVVWxVeFZuNnFnZTlNTWt0c0lOWkc0eDY1QmIwaWxTdHExRWQwN2Y5NmVnbHNKaApZVE9VRnZpZDZVSkVEcEJzcjhyZFROSW1JQkhCdkkra1BHS2FqcW83Z0VNc3hFYkNkemFHUTNZZnNYWT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUgUkVRVUVTVC0tLS0t";

  private static final String CSR_DER_BASE64 =
      "MIICmDCCAYACAQAwUzELMAkGA1UEBhMCVVMxFDASBgNVBAMMC2V4YW1wbGUuY29tMQowCAYDVQQHDAEgMQowCAYDVQQKDAEgMQowCAYDVQQIDAEgMQowCAYDVQQLDAEgMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2ZdhmshDAU0XbxgNMFAkxGVBschwVok9upASfUX08TYj0VkWEq6+fzgNvdPJwz6meP9g/MaFhOaou6huPHfoSU9J7QbMnzRKlsEIO3htC5AKw9v2fWUdjBA/vCWYuu5iG5e7mPsWZ7uplnTfRzC8RK+K+Yrm4D84q5lty4C3KkQsAcSLPfOL1s/b2rWmJGAhWsRkghMY6WwskuXYtH59G9yUDGQHhjZkpqedV49C8sCp1O/YZoSHgp7G+BbhTmkNBG678VGDJeNpwHozvtcUrASFDRxZxOu1GG17/QbUoR5Ud93piKZSE6PuCSeBs/TBaIsvpPknuXd9r8Xj/mWykQIDAQABoAAwDQYJKoZIhvcNAQELBQADggEBAAx2dh+d1MBhL0h2XfIqh5Dc/eajSLZtaMMiIcXup/zQ9vxCWJFeHf3s0Iuyb0Hd2VMgPRaO2uddcbYtQe+2gYKkO1LXBtwPqw0Xp0yAvt51G2ofeBl+EkJm697FSmzh8x2IdQAJC3Z/Q8WLVhw4X6ZUbrxj2gN2fiXcKDJledqH1cexYUonyKH6nln0o43QKD8YRdoa5Qjor1oBdcwRM04T38jMWPwwbYN3kTODkKbiQUUlUxVn6qge9MMktsINZG4x65Bb0ilStq1Ed07f96eglsJhYTOUFvid6UJEDpBsr8rdTNImIBHBvI+kPGKajqo7gEMsxEbCdzaGQ3YfsXY=";

  @Test
  void certificateRequestSubjectFromPemOrDer() throws Exception {
    for (String csr : new String[] {CSR_PEM_BASE64, CSR_DER_BASE64}) {
      ObjectValue parsed =
          (ObjectValue) BuiltinTable.call("crypto.x509.parse_certificate_request", StringValue.of(csr));
      assertEquals(
          StringValue.of("example.com"), ((ObjectValue) parsed.get("Subject")).get("CommonName"));
    }
    BuiltinTable.check(
        "crypto.x509.parse_certificate_request", "[\"YmFkc3RyaW5n\"]", "error:asn1: structure error");
    BuiltinTable.check(
        "crypto.x509.parse_certificate_request", "[\"foobar\"]", "error:illegal base64");
  }
}
