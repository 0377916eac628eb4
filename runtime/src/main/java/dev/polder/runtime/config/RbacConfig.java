package dev.polder.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Roles and what they grant ({@code polder.rbac.roles.<role>.*}). API keys and tokens carry roles;
 * a caller may do what any of its roles grants. Names may use {@code *} as a wildcard.
 */
public interface RbacConfig {

  /** The admin actions a role can be granted ({@code *} grants all, {@code keys:*} a group). */
  Set<String> ADMIN_ACTIONS =
      Set.of("keys:create", "keys:read", "keys:revoke", "bundle:read", "config:read");

  Map<String, Role> roles();

  interface Role {
    /** Virtual models. A key's own {@code models} list narrows this further. */
    Optional<List<String>> models();

    /** MCP tools, e.g. {@code filesystem.read_*}. */
    Optional<List<String>> tools();

    /** Admin API actions, see {@link RbacConfig#ADMIN_ACTIONS}. */
    Optional<List<String>> admin();
  }
}
