package dev.polder.runtime.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;

/**
 * Which MCP tools roles grant ({@code polder.rbac.roles.<role>.tools}, names or {@code *}
 * patterns). The MCP gateway asks it before listing or calling a tool; the {@code tool-access}
 * decision point can still deny what a role grants.
 */
@ApplicationScoped
public class ToolGrants {

  private final Rbac rbac;

  @Inject
  public ToolGrants(Rbac rbac) {
    this.rbac = rbac;
  }

  /** Tool names and patterns granted to any of these roles. */
  public Set<String> patterns(Collection<String> roles) {
    return rbac.tools(roles);
  }

  public boolean allows(Principal principal, String tool) {
    return NamePatterns.anyMatches(rbac.tools(principal.roles()), tool);
  }
}
