package dev.polder.runtime.identity.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.config.OidcConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.support.TestIssuer;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Claim mapping and failure messages, without a running gateway. */
class TokenVerifierTest {

  private static final TestIssuer ISSUER = new TestIssuer();

  @AfterAll
  static void cleanUp() {
    ISSUER.delete();
  }

  static OidcConfig config(Map<String, String> properties) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(properties, "test", 100))
            .withConverter(Duration.class, 100, new DurationConverter())
            .withMapping(OidcConfig.class, "polder.auth.oidc")
            .withValidateUnknown(false)
            .build();
    return config.getConfigMapping(OidcConfig.class, "polder.auth.oidc");
  }

  private static final TokenVerifier VERIFIER = new TokenVerifier(config(ISSUER.config()));

  @Test
  void claimsMapToThePrincipal() {
    JwtClaims claims = TestIssuer.claims("alice", List.of("researcher", "app"));
    claims.setClaim("environment", "prod");
    VerifiedToken token = VERIFIER.verify(ISSUER.rs256(claims));
    assertEquals("corp", token.issuerName());
    assertEquals("alice", token.principal());
    assertEquals("user", token.kind());
    assertEquals("research", token.team());
    assertEquals(List.of("researcher", "app"), token.roles());
    assertEquals("prod", token.environment());
    assertFalse(token.egress());
  }

  @Test
  void missingClaimsFallBackToTheIssuerDefaults() {
    JwtClaims claims = TestIssuer.claims("job", List.of());
    claims.setIssuer(TestIssuer.HS_ISSUER);
    claims.unsetClaim("department");
    claims.setClaim("roles", "app, reader");
    VerifiedToken token = VERIFIER.verify(TestIssuer.hs256(claims));
    assertEquals("service", token.kind());
    assertEquals("default", token.team());
    assertEquals("dev", token.environment());
    assertEquals(List.of("app", "reader"), token.roles());
  }

  @Test
  void tokenWithoutSubjectIsRefused() {
    JwtClaims claims = TestIssuer.claims("x", List.of());
    claims.unsetClaim("sub");
    GatewayException e =
        assertThrows(GatewayException.class, () -> VERIFIER.verify(ISSUER.rs256(claims)));
    assertEquals(401, e.status());
    assertEquals("Bearer token has no 'sub' claim to name the principal", e.getMessage());
  }

  @Test
  void expiryWithinTheClockSkewIsAccepted() {
    JwtClaims claims = TestIssuer.claims("alice", List.of());
    TestIssuer.expire(claims, Duration.ofSeconds(1)); // skew is 5 s
    assertEquals("alice", VERIFIER.verify(ISSUER.rs256(claims)).principal());
  }

  @Test
  void unsignedTokenIsRefused() {
    String header =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes());
    String payload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(TestIssuer.claims("a", List.of("admin")).toJson().getBytes());
    GatewayException e =
        assertThrows(GatewayException.class, () -> VERIFIER.verify(header + "." + payload + "."));
    assertEquals(401, e.status());
  }

  @Test
  void looksLikeJwtTellsTokensFromKeys() {
    assertTrue(TokenVerifier.looksLikeJwt(ISSUER.rs256(TestIssuer.claims("a", List.of()))));
    assertFalse(TokenVerifier.looksLikeJwt("polder-demo-key"));
    assertFalse(TokenVerifier.looksLikeJwt("pk_0123456789abcdef_secret"));
    assertFalse(TokenVerifier.looksLikeJwt("a.b.c"));
  }

  @Test
  void jwksUrlIsFetchedOnlyWhenATokenNeedsAKeyNotConfigured() throws Exception {
    java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    java.security.KeyPair remote = gen.generateKeyPair();
    org.jose4j.jwk.RsaJsonWebKey jwk =
        new org.jose4j.jwk.RsaJsonWebKey(
            (java.security.interfaces.RSAPublicKey) remote.getPublic());
    jwk.setKeyId("remote-1");
    String jwks = new org.jose4j.jwk.JsonWebKeySet(jwk).toJson();
    java.util.concurrent.atomic.AtomicInteger fetches =
        new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer idp =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    idp.createContext(
        "/jwks",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = jwks.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    idp.start();
    try {
      Map<String, String> properties = new java.util.HashMap<>(ISSUER.config());
      properties.put(
          "polder.auth.oidc.issuers.corp.jwks-url",
          "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks");
      TokenVerifier verifier = new TokenVerifier(config(properties));
      assertEquals(0, fetches.get(), "nothing is fetched at start");
      verifier.verify(ISSUER.rs256(TestIssuer.claims("local", List.of())));
      assertEquals(0, fetches.get(), "configured keys need no fetch");

      org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
      jws.setPayload(TestIssuer.claims("fetched", List.of()).toJson());
      jws.setKey(remote.getPrivate());
      jws.setKeyIdHeaderValue("remote-1");
      jws.setAlgorithmHeaderValue("RS256");
      String token = jws.getCompactSerialization();
      assertEquals("fetched", verifier.verify(token).principal());
      assertEquals("fetched", verifier.verify(token).principal());
      assertEquals(1, fetches.get(), "fetched keys are cached");
    } finally {
      idp.stop(0);
    }
  }

  @Test
  void privateKeyMaterialIsRefusedAtStartNamingTheKey() throws Exception {
    java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("EC");
    gen.initialize(256);
    String privatePem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder()
                .encodeToString(gen.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----";
    Map<String, String> properties = new java.util.HashMap<>(ISSUER.config());
    properties.put("polder.auth.oidc.issuers.corp.public-keys.oops", privatePem);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TokenVerifier(config(properties)));
    assertTrue(
        e.getMessage().startsWith("polder.auth.oidc.issuers.corp.public-keys.oops: "),
        e.getMessage());
  }
}
