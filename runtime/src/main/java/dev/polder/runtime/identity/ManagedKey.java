package dev.polder.runtime.identity;

import java.util.List;

/**
 * A key created through the admin API, as stored (as JSON) in the shared state: the SHA-256 of its
 * secret, never the secret. Times are ISO-8601 instants; {@code expiresAt} and {@code revokedAt}
 * may be null.
 */
public record ManagedKey(
    String id,
    String name,
    String sha256,
    String principal,
    String team,
    List<String> roles,
    String environment,
    List<String> models,
    boolean egress,
    String createdAt,
    String createdBy,
    String expiresAt,
    String revokedAt,
    String revokedBy) {

  public ManagedKey {
    roles = List.copyOf(roles);
    models = List.copyOf(models);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  ManagedKey revoke(String at, String by) {
    return new ManagedKey(
        id,
        name,
        sha256,
        principal,
        team,
        roles,
        environment,
        models,
        egress,
        createdAt,
        createdBy,
        expiresAt,
        at,
        by);
  }
}
