package dev.polder.runtime.identity.token;

import dev.polder.runtime.config.OidcConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/** Verifies the tokens of one issuer (signature, algorithm, iss, aud, exp/nbf) and maps claims. */
final class IssuerVerifier {

  private final String name;
  private final OidcConfig.Issuer issuer;
  private final JwtConsumer consumer;

  IssuerVerifier(String name, OidcConfig.Issuer issuer) {
    this.name = name;
    this.issuer = issuer;
    this.consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds((int) issuer.clockSkew().toSeconds())
            .setExpectedIssuer(true, issuer.issuer())
            .setExpectedAudience(true, issuer.audience().toArray(String[]::new))
            .setJwsAlgorithmConstraints(
                new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT,
                    issuer.algorithms().toArray(String[]::new)))
            .setVerificationKeyResolver(
                VerificationKeys.resolver("polder.auth.oidc.issuers." + name, issuer))
            .build();
  }

  VerifiedToken verify(String token) {
    String alg = algorithm(token);
    if (!issuer.algorithms().contains(alg)) {
      throw TokenVerifier.invalid(notAllowed(alg));
    }
    JwtClaims claims;
    try {
      claims = consumer.processToClaims(token);
    } catch (InvalidJwtException e) {
      throw TokenVerifier.invalid(explain(e));
    }
    Map<String, Object> all = claims.getClaimsMap();
    OidcConfig.Claims names = issuer.claims();
    String principal = text(all, names.principal());
    if (principal == null || principal.isBlank()) {
      throw TokenVerifier.invalid(
          "Bearer token has no '" + names.principal() + "' claim to name the principal");
    }
    Set<String> roles = new LinkedHashSet<>(issuer.defaultRoles().orElse(List.of()));
    roles.addAll(list(all, names.roles()));
    String team = text(all, names.team());
    String environment = text(all, names.environment());
    return new VerifiedToken(
        name,
        principal,
        issuer.kind(),
        team == null || team.isBlank() ? issuer.team() : team,
        new ArrayList<>(roles),
        environment == null || environment.isBlank() ? issuer.environment() : environment,
        issuer.egress());
  }

  private String explain(InvalidJwtException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidAlgorithmException) {
        return notAllowed(null);
      }
      if (cause instanceof UnresolvableKeyException) {
        return "Bearer token was signed with a key issuer '" + name + "' does not configure";
      }
    }
    if (e.hasExpired()) {
      return "Bearer token expired" + expiry(e);
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
      return "Bearer token signature is invalid";
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
      return "Bearer token is not signed";
    }
    if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
      return "Bearer token has no expiry ('exp' claim)";
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
      return "Bearer token is not valid yet ('nbf' claim)";
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return "Bearer token audience is not accepted: it must name one of "
          + String.join(", ", issuer.audience());
    }
    if (e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM) || e.hasErrorCode(ErrorCodes.JSON_INVALID)) {
      return "Bearer token has malformed claims";
    }
    // jose4j's error details name the claim and the rule, never the token itself.
    List<String> details = new ArrayList<>();
    e.getErrorDetails().forEach(error -> details.add(error.getErrorMessage()));
    return "Bearer token is not valid for issuer '"
        + name
        + "'"
        + (details.isEmpty() ? "" : ": " + String.join("; ", details));
  }

  private String notAllowed(String alg) {
    return "Bearer token algorithm "
        + (alg == null ? "" : "'" + alg + "' ")
        + "is not allowed for issuer '"
        + name
        + "' (allowed: "
        + String.join(", ", issuer.algorithms())
        + ")";
  }

  private static String algorithm(String token) {
    try {
      return JsonWebStructure.fromCompactSerialization(token).getAlgorithmHeaderValue();
    } catch (JoseException e) {
      throw TokenVerifier.invalid("Bearer token is not a valid JWT");
    }
  }

  private static String expiry(InvalidJwtException e) {
    try {
      NumericDate exp = e.getJwtContext().getJwtClaims().getExpirationTime();
      return exp == null ? "" : " at " + java.time.Instant.ofEpochSecond(exp.getValue());
    } catch (MalformedClaimException | RuntimeException ignored) {
      return "";
    }
  }

  /** A claim by name, or by dotted path into nested objects when no claim has the whole name. */
  static Object claim(Map<String, Object> claims, String name) {
    if (claims.containsKey(name)) {
      return claims.get(name);
    }
    Object at = claims;
    for (String part : name.split("\\.")) {
      if (!(at instanceof Map<?, ?> map)) {
        return null;
      }
      at = map.get(part);
    }
    return at;
  }

  private static String text(Map<String, Object> claims, String name) {
    Object value = claim(claims, name);
    return value instanceof String || value instanceof Number || value instanceof Boolean
        ? value.toString()
        : null;
  }

  /** An array of strings, or one string of names separated by spaces or commas. */
  static List<String> list(Map<String, Object> claims, String name) {
    Object value = claim(claims, name);
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof String s && !s.isBlank()) {
          out.add(s);
        }
      }
    } else if (value instanceof String s) {
      for (String part : s.split("[\\s,]+")) {
        if (!part.isBlank()) {
          out.add(part);
        }
      }
    }
    return out;
  }
}
