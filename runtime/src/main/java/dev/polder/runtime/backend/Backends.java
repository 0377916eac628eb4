package dev.polder.runtime.backend;

import dev.polder.connectors.ConnectorFactory;
import dev.polder.connectors.api.ModelConnector;
import dev.polder.runtime.config.BackendSpecs;
import dev.polder.runtime.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** One connector per configured backend, built at start-up on Quarkus' Vert.x. */
@ApplicationScoped
public class Backends {

  private final Map<String, ModelConnector> connectors = new HashMap<>();

  @Inject
  public Backends(GatewayConfig config, Vertx vertx) {
    ConnectorFactory factory = new ConnectorFactory(vertx);
    config
        .backends()
        .forEach(
            (name, backend) -> {
              try {
                connectors.put(name, factory.create(BackendSpecs.of(name, backend)));
              } catch (IllegalArgumentException e) {
                throw new ConfigurationException("polder.backends." + name + "." + e.getMessage());
              }
            });
  }

  /** Builds the connectors at start, so a bad backend stops start-up rather than a request. */
  void start(@Observes StartupEvent event) {
    connectors.size();
  }

  public ModelConnector connector(String name) {
    ModelConnector connector = connectors.get(name);
    if (connector == null) {
      throw new IllegalStateException("no backend named " + name);
    }
    return connector;
  }

  void stop(@Observes ShutdownEvent event) {
    connectors.values().forEach(ModelConnector::close);
  }
}
