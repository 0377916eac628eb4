package dev.polder.runtime.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/** Stops start-up when the configuration is invalid, listing every problem with its key. */
@ApplicationScoped
public class ConfigCheck {

  private final GatewayConfig config;

  @Inject
  public ConfigCheck(GatewayConfig config) {
    this.config = config;
  }

  void check(@Observes @Priority(1) StartupEvent event) {
    List<String> problems = ConfigValidator.problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(
          "Invalid Polder configuration:\n  " + String.join("\n  ", problems));
    }
  }
}
