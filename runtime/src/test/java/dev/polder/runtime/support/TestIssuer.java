package dev.polder.runtime.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * An identity provider made in the test: an RSA key (published in a JWKS file), an EC key
 * (configured inline as PEM) and an HMAC secret, and tokens signed with them.
 */
public final class TestIssuer {

  public static final String ISSUER = "https://idp.test/realms/polder";
  public static final String HS_ISSUER = "https://hs.test";
  public static final String AUDIENCE = "polder-gateway";
  public static final String HS_SECRET = "a-shared-secret-of-at-least-32-characters";

  private final KeyPair rsa;
  private final KeyPair ec;
  private final KeyPair stranger;
  private final Path folder;

  public TestIssuer() {
    try {
      KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
      rsaGen.initialize(2048);
      rsa = rsaGen.generateKeyPair();
      stranger = rsaGen.generateKeyPair();
      KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
      ecGen.initialize(new ECGenParameterSpec("secp256r1"));
      ec = ecGen.generateKeyPair();
      folder = Files.createTempDirectory("polder-idp-");
      RsaJsonWebKey jwk =
          new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) rsa.getPublic());
      jwk.setKeyId("rsa-1");
      Files.writeString(folder.resolve("jwks.json"), new JsonWebKeySet(jwk).toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Gateway configuration trusting this issuer (and an HS256 one). */
  public Map<String, String> config() {
    Map<String, String> config = new HashMap<>();
    String corp = "polder.auth.oidc.issuers.corp.";
    config.put(corp + "issuer", ISSUER);
    config.put(corp + "audience", AUDIENCE);
    config.put(corp + "jwks-file", folder.resolve("jwks.json").toString());
    config.put(corp + "public-keys.ec-1", pem(ec.getPublic().getEncoded()));
    config.put(corp + "algorithms", "RS256,ES256");
    config.put(corp + "clock-skew", "5s");
    config.put(corp + "claims.roles", "realm_access.roles");
    config.put(corp + "claims.team", "department");
    String hs = "polder.auth.oidc.issuers.shared.";
    config.put(hs + "issuer", HS_ISSUER);
    config.put(hs + "audience", AUDIENCE);
    config.put(hs + "algorithms", "HS256");
    config.put(hs + "secret", HS_SECRET);
    config.put(hs + "kind", "service");
    return config;
  }

  /** Claims of a token valid for the next minutes. */
  public static JwtClaims claims(String subject, List<String> roles) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(subject);
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setClaim("department", "research");
    claims.setClaim("realm_access", Map.of("roles", roles));
    return claims;
  }

  /** Expired this long ago (issued five minutes before that). */
  public static void expire(JwtClaims claims, Duration ago) {
    Instant exp = Instant.now().minus(ago);
    claims.setIssuedAt(NumericDate.fromSeconds(exp.minusSeconds(300).getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
  }

  public String rs256(JwtClaims claims) {
    return sign(claims, rsa.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256, "rsa-1");
  }

  public String es256(JwtClaims claims) {
    return sign(
        claims, ec.getPrivate(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, null);
  }

  /** Signed with a key the gateway does not know, under the trusted key's id. */
  public String forged(JwtClaims claims) {
    return sign(claims, stranger.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256, "rsa-1");
  }

  public static String hs256(JwtClaims claims) {
    return sign(
        claims,
        new HmacKey(HS_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        AlgorithmIdentifiers.HMAC_SHA256,
        null);
  }

  private static String sign(JwtClaims claims, java.security.Key key, String alg, String kid) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setAlgorithmHeaderValue(alg);
    if (kid != null) {
      jws.setKeyIdHeaderValue(kid);
    }
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(byte[] der) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END PUBLIC KEY-----\n";
  }

  public void delete() {
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
