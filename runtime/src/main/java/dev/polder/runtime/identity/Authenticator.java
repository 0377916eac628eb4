package dev.polder.runtime.identity;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.identity.token.TokenVerifier;
import dev.polder.runtime.identity.token.VerifiedToken;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <credential>} → principal, whatever the credential: an API key from
 * configuration, a key created through the admin API, or an OIDC token (JWT) of a trusted issuer.
 * The principal's models are resolved through its roles here, once per request.
 */
@ApplicationScoped
public class Authenticator {

  private final ApiKeyRegistry configured;
  private final ManagedKeys managed;
  private final TokenVerifier tokens;
  private final Rbac rbac;

  @Inject
  public Authenticator(GatewayConfig config, ManagedKeys managed, Rbac rbac) {
    this.configured = new ApiKeyRegistry(config.auth());
    this.managed = managed;
    this.rbac = rbac;
    try {
      this.tokens = new TokenVerifier(config.auth().oidc());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("Invalid Polder configuration:\n  " + e.getMessage());
    }
  }

  /** Loads the issuers' keys at start, so a broken key file stops start-up, not a request. */
  void loadKeys(@Observes @Priority(5) StartupEvent event) {
    // Observing the event is enough: it creates the bean, which loads every configured key.
  }

  /**
   * @throws GatewayException 401 when the credential is missing, unknown, revoked, expired or (for
   *     a token) not valid
   */
  public Principal authenticate(String authorization) {
    String credential = ApiKeyRegistry.bearer(authorization);
    if (ManagedKeys.isManagedKey(credential)) {
      return managedKey(credential);
    }
    Optional<ApiKeyRegistry.ConfiguredKey> key = configured.find(credential);
    if (key.isPresent()) {
      if (managed.revocation(key.get().name()).isPresent()) {
        throw GatewayException.unauthorized("This API key has been revoked");
      }
      Principal principal = key.get().principal();
      return principal.withModels(rbac.keyModels(principal.roles(), principal.models()));
    }
    if (TokenVerifier.looksLikeJwt(credential)) {
      return token(tokens.verify(credential));
    }
    throw GatewayException.unauthorized("Incorrect API key provided");
  }

  /** The keys from configuration (the admin API lists them beside the created ones). */
  public ApiKeyRegistry configuredKeys() {
    return configured;
  }

  private Principal managedKey(String credential) {
    ManagedKey key =
        managed
            .find(credential)
            .orElseThrow(() -> GatewayException.unauthorized("Incorrect API key provided"));
    if (key.revoked()) {
      throw GatewayException.unauthorized("This API key has been revoked");
    }
    if (key.expiresAt() != null && Instant.parse(key.expiresAt()).isBefore(Instant.now())) {
      throw GatewayException.unauthorized("This API key expired at " + key.expiresAt());
    }
    return new Principal(
        key.principal(),
        "service",
        key.team(),
        key.roles(),
        key.environment(),
        rbac.keyModels(key.roles(), key.models()),
        key.egress(),
        "key:" + key.id());
  }

  private Principal token(VerifiedToken token) {
    return new Principal(
        token.principal(),
        token.kind(),
        token.team(),
        token.roles(),
        token.environment(),
        new LinkedHashSet<>(rbac.models(token.roles())),
        token.egress(),
        "token:" + token.issuerName());
  }
}
