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
          (ObjectValue)
              BuiltinTable.call("crypto.x509.parse_certificate_request", StringValue.of(csr));
      assertEquals(
          StringValue.of("example.com"), ((ObjectValue) parsed.get("Subject")).get("CommonName"));
    }
    BuiltinTable.check(
        "crypto.x509.parse_certificate_request",
        "[\"YmFkc3RyaW5n\"]",
        "error:asn1: structure error");
    BuiltinTable.check(
        "crypto.x509.parse_certificate_request", "[\"foobar\"]", "error:illegal base64");
  }

  /** A root and a leaf with a SPIFFE URI (from OPA's conformance cases). */
  private static final String SPIFFE_CHAIN =
      ""
          + "-----BEGIN CERTIFICATE-----\n"
          + "MIIB1TCCAXugAwIBAgIIKIoxsnMwJJ4wCgYIKoZIzj0EAwIwPTELMAkGA1UEBhMC\n"
          + "R0IxEDAOBgNVBAoTB0V4YW1wbGUxHDAaBgNVBAUTEzI5MjEyMDE5NTA4MDk2NjI2\n"
          + "MjIwIBcNMjMxMTI5MTc1NTQ2WhgPMjEyMzExMDUxNzU1NDZaMD0xCzAJBgNVBAYT\n"
          + "AkdCMRAwDgYDVQQKEwdFeGFtcGxlMRwwGgYDVQQFExMyOTIxMjAxOTUwODA5NjYy\n"
          + "NjIyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkvI9ddM0SuP9LvBWS1y64fuK\n"
          + "ELCjVF5W3FSKm3azKEkDi8Eq1I1UM80MgCjC5ChNNyM4+cmVUDrCkTl3SqRxa6Nj\n"
          + "MGEwDgYDVR0PAQH/BAQDAgIEMA8GA1UdEwEB/wQFMAMBAf8wHQYDVR0OBBYEFF7H\n"
          + "A8n3mXXnwUP0ypMJ9JwY5wasMB8GA1UdEQQYMBaGFHNwaWZmZTovL2V4YW1wbGUu\n"
          + "Y29tMAoGCCqGSM49BAMCA0gAMEUCIByB2l5RIWmaU8qcRv13qigbB9BV/F2raEk+\n"
          + "pRQnsUcgAiEA9OvBpPKC/FBkI5vVvR7WgK5sGPna4+a0RkXxRQgN2jM=\n"
          + "-----END CERTIFICATE-----\n"
          + "-----BEGIN CERTIFICATE-----\n"
          + "MIIB1jCCAXygAwIBAgIIV9914tIKKkMwCgYIKoZIzj0EAwIwPTELMAkGA1UEBhMC\n"
          + "R0IxEDAOBgNVBAoTB0V4YW1wbGUxHDAaBgNVBAUTEzI5MjEyMDE5NTA4MDk2NjI2\n"
          + "MjIwIBcNMjMxMTI5MTc1NTQ2WhgPMjEyMjExMDUxNzU1NDZaMD0xCzAJBgNVBAYT\n"
          + "AkdCMRAwDgYDVQQKEwdFeGFtcGxlMRwwGgYDVQQFExM2MzMxOTA5MjE4MTUzMTQ2\n"
          + "OTQ3MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEMoy2UqvC8zL3sPfLNvG1nX5p\n"
          + "6hhEyDjFtokORB4VkKiPXFryIFn8XHG0ipz6aKSwVMoDT2T/YXP/wWpVwPJCi6Nk\n"
          + "MGIwDgYDVR0PAQH/BAQDAgeAMB0GA1UdJQQWMBQGCCsGAQUFBwMCBggrBgEFBQcD\n"
          + "ATAMBgNVHRMBAf8EAjAAMCMGA1UdEQQcMBqGGHNwaWZmZTovL2V4YW1wbGUuY29t\n"
          + "L29wYTAKBggqhkjOPQQDAgNIADBFAiBEmdSKGj2+9J5SQPIAmwdxpVTOxqmVQv2x\n"
          + "Vvita/AmowIhAOyX/alNJxL4iCfKUNwlC2lYxGhuWopWgB1Q32bQhTEh\n"
          + "-----END CERTIFICATE-----\n";

  private static final String OPA_ORG_CERT =
      ""
          + "-----BEGIN CERTIFICATE-----\n"
          + "MIIFdzCCBF+gAwIBAgISA3NriAEus/+cvflvhVQOW5zTMA0GCSqGSIb3DQEBCwUA\n"
          + "MEoxCzAJBgNVBAYTAlVTMRYwFAYDVQQKEw1MZXQncyBFbmNyeXB0MSMwIQYDVQQD\n"
          + "ExpMZXQncyBFbmNyeXB0IEF1dGhvcml0eSBYMzAeFw0yMDA3MTAxNjAwMzBaFw0y\n"
          + "MDEwMDgxNjAwMzBaMB4xHDAaBgNVBAMTE29wZW5wb2xpY3lhZ2VudC5vcmcwggEi\n"
          + "MA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCyy8HZXVTJ2TSHXYnoL+CKYpo4\n"
          + "wz1wowUcdt/XBgN08f37NxaNk+VAj8GD2s6zhoHLShyYS2PVosf7xumvyG914PLp\n"
          + "IHO9WmCaZMqwEyvMM/VE9dBkKfaTo78BT6aXyJmnkjpeFmBOGs3uP5bUARj3Onnr\n"
          + "7Aos9j45rgrytpelYTMlLi6jVtBv5RIZuMoJ15W252t8eIgsOq57ad0Bobeyy4Tu\n"
          + "GhveP0V3vUJvI3ibqH5E9cWzI2f8UtoirUNf0J3tcng8JqSOuuzWDYWrRDAzQbJY\n"
          + "qKzvVDcN+ptqV7GZ6JuqHhdwgDeqBOsveDbzAAyYSVPJjRWYea8MxlM7OXbtAgMB\n"
          + "AAGjggKBMIICfTAOBgNVHQ8BAf8EBAMCBaAwHQYDVR0lBBYwFAYIKwYBBQUHAwEG\n"
          + "CCsGAQUFBwMCMAwGA1UdEwEB/wQCMAAwHQYDVR0OBBYEFHDweb6KprSvWrw/vR6k\n"
          + "wTVpudPtMB8GA1UdIwQYMBaAFKhKamMEfd265tE5t6ZFZe/zqOyhMG8GCCsGAQUF\n"
          + "BwEBBGMwYTAuBggrBgEFBQcwAYYiaHR0cDovL29jc3AuaW50LXgzLmxldHNlbmNy\n"
          + "eXB0Lm9yZzAvBggrBgEFBQcwAoYjaHR0cDovL2NlcnQuaW50LXgzLmxldHNlbmNy\n"
          + "eXB0Lm9yZy8wNwYDVR0RBDAwLoITb3BlbnBvbGljeWFnZW50Lm9yZ4IXd3d3Lm9w\n"
          + "ZW5wb2xpY3lhZ2VudC5vcmcwTAYDVR0gBEUwQzAIBgZngQwBAgEwNwYLKwYBBAGC\n"
          + "3xMBAQEwKDAmBggrBgEFBQcCARYaaHR0cDovL2Nwcy5sZXRzZW5jcnlwdC5vcmcw\n"
          + "ggEEBgorBgEEAdZ5AgQCBIH1BIHyAPAAdgBep3P531bA57U2SH3QSeAyepGaDISh\n"
          + "EhKEGHWWgXFFWAAAAXM5q9vDAAAEAwBHMEUCIQCRHqgrtl07Y6TryfMmQN6TNKRV\n"
          + "m1LTy9vI3Mh/krbSQQIgYgVAKwXRoPR+BN1pcJbJv3Aivbh6E7L987rMSEQk5VoA\n"
          + "dgCyHgXMi6LNiiBOh2b5K7mKJSBna9r6cOeySVMt74uQXgAAAXM5q9uuAAAEAwBH\n"
          + "MEUCIQDdruTutQ/UchckqYQ+2p9mutnrSnnQXa8xLA41YGzZHgIgXXETFbGfns2C\n"
          + "7YJ8cDoYYAjmdzMg8k7hKXQGu/KsAb4wDQYJKoZIhvcNAQELBQADggEBAGk9p5yt\n"
          + "OaDIPRPk5ImpH1f6f010mULWPV5Pjn6kzMHP9z5ndMz++1NOvHV4GVBCoeuKq1bp\n"
          + "FCD+IgA9pcJAEXQ/u4GpmbAKUZzmfMIb89aRgnJp0mx9Y4BBd45ExUWs8w4cfgFZ\n"
          + "yZUeHvWs1anpAcR2FIZpAVMQCaIgjOt2ddR1xv4acCw+mD/B9oKfGZEUgyIANvpB\n"
          + "IDabggLSwFa9OKKXRBVRAafo7Oac21HQU7E3sXphaHZGfn2F27dD/qoqUcLqr4lC\n"
          + "c7lNE0YGp6r+aPo9VLcH2V0lN4t+1VbVArwKznsNdcQnwKBetgqvZrgLg4+qjo4y\n"
          + "uixJY38XU/b7baU=\n"
          + "-----END CERTIFICATE-----\n";

  @Test
  void parsesCertificatesAsGoNamesTheirFields() throws Exception {
    ArrayValue certs =
        (ArrayValue)
            BuiltinTable.call("crypto.x509.parse_certificates", StringValue.of(OPA_ORG_CERT));
    ObjectValue cert = (ObjectValue) certs.get(0);
    assertEquals(
        StringValue.of("openpolicyagent.org"),
        ((ObjectValue) cert.get("Subject")).get("CommonName"));
    assertEquals(
        BuiltinTable.json("[\"openpolicyagent.org\", \"www.openpolicyagent.org\"]"),
        cert.get("DNSNames"));
    assertEquals(Value.nullValue(), cert.get("URIStrings"));
  }

  @Test
  void verifiesAChainGivenRootFirstAndReturnsItLeafFirst() throws Exception {
    ArrayValue result =
        (ArrayValue)
            BuiltinTable.call(
                "crypto.x509.parse_and_verify_certificates", StringValue.of(SPIFFE_CHAIN));
    assertEquals(BooleanValue.TRUE, result.get(0));
    ArrayValue chain = (ArrayValue) result.get(1);
    assertEquals(
        BuiltinTable.json("[\"spiffe://example.com/opa\"]"),
        ((ObjectValue) chain.get(0)).get("URIStrings"));
    assertEquals(
        BuiltinTable.json("[\"spiffe://example.com\"]"),
        ((ObjectValue) chain.get(1)).get("URIStrings"));
    // Leaf first is not a chain back to a trusted root.
    String[] parts = SPIFFE_CHAIN.split("(?<=-----END CERTIFICATE-----\n)");
    ArrayValue reversed =
        (ArrayValue)
            BuiltinTable.call(
                "crypto.x509.parse_and_verify_certificates", StringValue.of(parts[1] + parts[0]));
    assertEquals(BooleanValue.FALSE, reversed.get(0));
  }
}
