package dev.polder.runtime.identity.token;

import dev.polder.runtime.config.OidcConfig;
import dev.polder.runtime.error.GatewayException;
import java.util.HashMap;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * OIDC bearer tokens: a JWT is matched to its trusted issuer by its {@code iss} claim and verified
 * offline with that issuer's keys. Failures are 401s that say what was wrong with the token.
 */
public final class TokenVerifier {

  /** Reads the claims without trusting them, only to choose the issuer whose keys verify them. */
  private static final JwtConsumer UNVERIFIED =
      new JwtConsumerBuilder()
          .setSkipAllValidators()
          .setDisableRequireSignature()
          .setSkipSignatureVerification()
          .build();

  private final Map<String, IssuerVerifier> byIssuer = new HashMap<>();

  /**
   * @throws IllegalArgumentException when an issuer's keys cannot be loaded, naming its key
   */
  public TokenVerifier(OidcConfig config) {
    config
        .issuers()
        .forEach((name, issuer) -> byIssuer.put(issuer.issuer(), new IssuerVerifier(name, issuer)));
  }

  public boolean enabled() {
    return !byIssuer.isEmpty();
  }

  /** Whether a bearer credential has the shape of a JWS compact serialization. */
  public static boolean looksLikeJwt(String credential) {
    int dots = 0;
    for (int i = 0; i < credential.length(); i++) {
      char c = credential.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        return false;
      }
    }
    return dots == 2 && credential.startsWith("eyJ");
  }

  /**
   * @throws GatewayException 401 {@code invalid_token} for an unknown issuer, a bad signature, an
   *     expired token, a wrong audience, ...
   */
  public VerifiedToken verify(String token) {
    if (!enabled()) {
      throw invalid("Bearer token (JWT) presented, but this gateway trusts no token issuer");
    }
    String iss;
    try {
      JwtClaims claims = UNVERIFIED.processToClaims(token);
      iss = claims.getIssuer();
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw invalid("Bearer token is not a valid JWT");
    }
    if (iss == null) {
      throw invalid("Bearer token has no 'iss' claim");
    }
    IssuerVerifier verifier = byIssuer.get(iss);
    if (verifier == null) {
      String shown = iss.length() > 200 ? iss.substring(0, 200) + "…" : iss;
      throw invalid("Bearer token issuer '" + shown + "' is not trusted");
    }
    return verifier.verify(token);
  }

  static GatewayException invalid(String message) {
    return new GatewayException(401, "invalid_request_error", "invalid_token", null, message);
  }
}
