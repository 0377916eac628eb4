package dev.polder.runtime.identity;

import dev.polder.runtime.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The role grants of the running gateway, shared by authentication, MCP and the admin API. */
@ApplicationScoped
public class IdentityBeans {

  @Produces
  @Singleton
  Rbac rbac(GatewayConfig config) {
    return new Rbac(config.rbac());
  }
}
