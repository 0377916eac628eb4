package dev.polder.runtime.routing;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.identity.Principal;
import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step {@code authorize-model}: the requested virtual model must exist (else 404) and the
 * caller's roles, narrowed by its key, must grant it (else 403). Records whether the caller may use
 * external backends.
 */
@ApplicationScoped
@Named("authorize-model")
public class AuthorizeModelStep implements Processor {

  private final GatewayConfig config;

  @Inject
  public AuthorizeModelStep(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    Principal principal = call.principal();
    if (principal == null) {
      throw new IllegalStateException("authorize-model runs after authenticate");
    }
    String model = call.model();
    if (!config.models().containsKey(model)) {
      throw GatewayException.modelNotFound(model);
    }
    if (!principal.mayUse(model)) {
      throw GatewayException.forbidden(
          "model_not_allowed",
          "Your "
              + (principal.credential().startsWith("token:") ? "token" : "API key")
              + " is not allowed to use the model '"
              + model
              + "' (roles: "
              + String.join(", ", principal.roles())
              + ")");
    }
    call.egressPermitted(principal.egress());
  }
}
