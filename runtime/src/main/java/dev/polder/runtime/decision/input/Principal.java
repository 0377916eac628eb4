package dev.polder.runtime.decision.input;

import java.util.List;

/**
 * Who is calling, as authentication resolved it. {@code kind} is {@code service} or {@code user};
 * an empty id means the request could not be attributed to anyone.
 */
public final class Principal {
  private final String id;
  private final String kind;
  private final String team;
  private final List<String> roles;
  private final String environment;
  private final String sourceAddress;

  public Principal(
      String id,
      String kind,
      String team,
      List<String> roles,
      String environment,
      String sourceAddress) {
    this.id = id == null ? "" : id;
    this.kind = kind == null ? "" : kind;
    this.team = team == null ? "" : team;
    this.roles = List.copyOf(roles == null ? List.of() : roles);
    this.environment = environment == null ? "" : environment;
    this.sourceAddress = sourceAddress == null ? "" : sourceAddress;
  }

  public String getId() {
    return id;
  }

  public String getKind() {
    return kind;
  }

  public String getTeam() {
    return team;
  }

  public List<String> getRoles() {
    return roles;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public String getEnvironment() {
    return environment;
  }

  public String getSourceAddress() {
    return sourceAddress;
  }

  /** Attributable: known id and kind, so the audit record names who sent it. */
  public boolean isAttributable() {
    return !id.isBlank() && (kind.equals("service") || kind.equals("user"));
  }
}
