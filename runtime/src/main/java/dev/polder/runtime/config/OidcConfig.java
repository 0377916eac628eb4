package dev.polder.runtime.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenID Connect bearer tokens ({@code polder.auth.oidc.*}): JWTs verified offline against the keys
 * of each trusted issuer. Nothing is fetched unless an issuer names a {@code jwks-url}.
 */
public interface OidcConfig {

  /** Trusted issuers by a name of the operator's choice. */
  Map<String, Issuer> issuers();

  interface Issuer {
    /** The exact {@code iss} claim of this issuer's tokens. */
    String issuer();

    /** Accepted {@code aud} values; a token must name at least one. */
    List<String> audience();

    /** A JWKS document (or a PEM public key) on disk. */
    Optional<String> jwksFile();

    /**
     * Verification keys inline, by a name used as key id when the key has none: PEM {@code PUBLIC
     * KEY} blocks, JWK objects or JWKS documents.
     */
    Map<String, String> publicKeys();

    /** Shared secret for HS256/384/512 (at least 32 characters). */
    Optional<String> secret();

    /** Fetched (and cached) only when set: the issuer's JWKS endpoint. */
    Optional<String> jwksUrl();

    /** How long fetched keys are kept before they are fetched again. */
    @WithDefault("10m")
    Duration jwksRefresh();

    /** Signature algorithms accepted: RS*, ES*, PS* (public keys) and HS* (shared secret). */
    @WithDefault("RS256,ES256,PS256")
    List<String> algorithms();

    /** Tolerance for {@code exp}, {@code nbf} and {@code iat} between clocks. */
    @WithDefault("30s")
    Duration clockSkew();

    /** Names of the claims that make the principal. */
    Claims claims();

    /** Principal kind given to this issuer's tokens: {@code user} or {@code service}. */
    @WithDefault("user")
    String kind();

    /** Team when the token has no team claim. */
    @WithDefault("default")
    String team();

    /** Environment when the token has no environment claim. */
    @WithDefault("dev")
    String environment();

    /** Roles every token of this issuer gets, besides those in its roles claim. */
    Optional<List<String>> defaultRoles();

    /** Whether these callers' data may go to external backends (the policy still decides). */
    @WithDefault("false")
    boolean egress();
  }

  /** Claim names; a dotted name such as {@code realm_access.roles} walks nested objects. */
  interface Claims {
    @WithDefault("sub")
    String principal();

    @WithDefault("team")
    String team();

    /** An array of strings or one space- or comma-separated string. */
    @WithDefault("roles")
    String roles();

    @WithDefault("environment")
    String environment();
  }
}
