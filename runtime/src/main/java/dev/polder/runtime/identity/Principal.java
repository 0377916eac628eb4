package dev.polder.runtime.identity;

import java.util.List;
import java.util.Set;

/**
 * Who is calling, resolved from an API key or a bearer token and carried through the pipeline.
 *
 * @param kind {@code service} (API keys) or {@code user} (tokens, unless the issuer says otherwise)
 * @param models model names or patterns this caller may use: its roles' grants, narrowed by the
 *     key's own list
 * @param credential what authenticated the call, e.g. {@code key:support-bot} or {@code
 *     token:corp}; never a secret
 */
public record Principal(
    String id,
    String kind,
    String team,
    List<String> roles,
    String environment,
    Set<String> models,
    boolean egress,
    String credential) {

  public Principal {
    roles = List.copyOf(roles);
    models = Set.copyOf(models);
  }

  /** An API-key principal whose models are already resolved. */
  public Principal(
      String id,
      String team,
      List<String> roles,
      String environment,
      Set<String> models,
      boolean egress) {
    this(id, "service", team, roles, environment, models, egress, "");
  }

  public boolean mayUse(String model) {
    return NamePatterns.anyMatches(models, model);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** The same principal with other model grants (after RBAC has resolved them). */
  public Principal withModels(Set<String> value) {
    return new Principal(id, kind, team, roles, environment, value, egress, credential);
  }
}
