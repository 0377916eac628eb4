package dev.polder.runtime.auth;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.identity.ApiKeyRegistry;
import dev.polder.runtime.identity.Authenticator;
import dev.polder.runtime.identity.Principal;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.pipeline.PipelineHeaders;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

/** Route step {@code authenticate}: API key or OIDC bearer token → principal, or 401. */
@ApplicationScoped
@Named("authenticate")
public class AuthenticateStep implements Processor {

  private static final Logger LOG = Logger.getLogger(AuthenticateStep.class);

  private final Authenticator authenticator;
  private final boolean demoKeyEnabled;

  @Inject
  public AuthenticateStep(GatewayConfig config, Authenticator authenticator) {
    this.authenticator = authenticator;
    this.demoKeyEnabled = config.auth().demoKeyEnabled();
  }

  void announceDemoKey(@Observes StartupEvent event) {
    if (demoKeyEnabled) {
      LOG.warnf(
          "Demo API key '%s' is enabled: anyone who knows it can call every model. "
              + "Set polder.auth.demo-key-enabled=false (POLDER_AUTH_DEMO_KEY_ENABLED=false) "
              + "and configure polder.auth.keys outside a demo.",
          ApiKeyRegistry.DEMO_KEY);
    }
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    Principal principal = authenticator.authenticate(call.authorization());
    call.principal(principal);
    Message in = exchange.getMessage();
    in.setHeader(PipelineHeaders.PRINCIPAL, principal.id());
    in.setHeader(PipelineHeaders.TEAM, principal.team());
    in.setHeader(PipelineHeaders.ENVIRONMENT, principal.environment());
  }
}
