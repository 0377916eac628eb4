package dev.polder.runtime.identity;

import dev.polder.runtime.config.RbacConfig;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What roles grant ({@code polder.rbac.roles}): virtual models, MCP tools and admin actions. A
 * caller may do what any of its roles grants; roles the configuration does not name grant nothing
 * (they may still mean something to policies).
 */
public final class Rbac {

  private final Map<String, RbacConfig.Role> roles;

  public Rbac(RbacConfig config) {
    this.roles = Map.copyOf(config.roles());
  }

  public Set<String> models(Collection<String> of) {
    return union(of, RbacConfig.Role::models);
  }

  public Set<String> tools(Collection<String> of) {
    return union(of, RbacConfig.Role::tools);
  }

  public Set<String> adminActions(Collection<String> of) {
    return union(of, RbacConfig.Role::admin);
  }

  public boolean mayAdmin(Principal principal, String action) {
    return NamePatterns.anyMatches(adminActions(principal.roles()), action);
  }

  /**
   * The models of a key with these roles: what the roles grant, narrowed by the key's own list
   * ({@code *} there narrows nothing).
   */
  public Set<String> keyModels(Collection<String> keyRoles, Collection<String> keyModels) {
    Set<String> granted = models(keyRoles);
    if (keyModels.contains("*")) {
      return granted;
    }
    Set<String> narrowed = new LinkedHashSet<>();
    for (String model : keyModels) {
      if (NamePatterns.anyMatches(granted, model)) {
        narrowed.add(model);
      }
    }
    return narrowed;
  }

  private Set<String> union(
      Collection<String> of, Function<RbacConfig.Role, Optional<List<String>>> grant) {
    Set<String> all = new LinkedHashSet<>();
    for (String name : of) {
      RbacConfig.Role role = roles.get(name);
      if (role != null) {
        grant.apply(role).ifPresent(all::addAll);
      }
    }
    return all;
  }
}
