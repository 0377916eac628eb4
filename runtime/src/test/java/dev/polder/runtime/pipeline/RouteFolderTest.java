package dev.polder.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.config.GatewayConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the routes folder: the repository's routes, a missing folder, a misnamed route. */
class RouteFolderTest {

  private static final List<String> STEPS =
      List.of(
          "authenticate",
          "parse",
          "authorize-model",
          "extract",
          "detect",
          "decide-classify",
          "decide-access",
          "decide-redact",
          "select-backend",
          "decide-route",
          "redact",
          "reserve",
          "reconcile",
          "list-models",
          "account",
          "audit");

  private DefaultCamelContext camel;

  @BeforeEach
  void camel() {
    camel = new DefaultCamelContext();
    // The steps themselves are CDI beans in the gateway; here only their names must resolve.
    Processor nothing = exchange -> {};
    STEPS.forEach(step -> camel.getRegistry().bind(step, nothing));
    camel.start();
  }

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void repositoryRoutesLoadWithIdsNamedAfterTheirFiles() throws Exception {
    folder(Path.of("../routes")).load(null);
    for (GatewayCall.Operation operation : GatewayCall.Operation.values()) {
      assertNotNull(camel.getRoute(operation.routeId()), operation.routeId());
      assertNotNull(camel.getRoute(operation.routeId() + "-after"), operation.routeId());
    }
    assertEquals(8, camel.getRoutes().size());
  }

  @Test
  void missingFolderSaysWhatToDo(@TempDir Path dir) {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> folder(dir.resolve("routes")).load(null));
    assertTrue(e.getMessage().startsWith("polder.routes.path: the routes folder "), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("POLDER_ROUTES_PATH"), e.getMessage());
  }

  @Test
  void routeMustBeNamedAfterItsFile(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("chat-completions.camel.yaml"),
        """
        - route:
            id: chat
            from:
              uri: direct:chat-completions
              steps:
                - process:
                    ref: parse
        """);
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> folder(dir).load(null));
    assertTrue(
        e.getMessage()
            .endsWith(
                "chat-completions.camel.yaml: the route in this file must have the id"
                    + " 'chat-completions' (its file name)"),
        e.getMessage());
  }

  private RouteFolder folder(Path path) {
    GatewayConfig.Routes routes =
        new GatewayConfig.Routes() {
          public String path() {
            return path.toString();
          }

          public boolean reload() {
            return false;
          }

          public boolean onEventLoop() {
            return false;
          }
        };
    return new RouteFolder(camel, config(routes));
  }

  private static GatewayConfig config(GatewayConfig.Routes routes) {
    return new GatewayConfig() {
      public Routes routes() {
        return routes;
      }

      public Limits limits() {
        throw new UnsupportedOperationException();
      }

      public Auth auth() {
        throw new UnsupportedOperationException();
      }

      public Map<String, Backend> backends() {
        return Map.of();
      }

      public Map<String, VirtualModel> models() {
        return Map.of();
      }

      public State state() {
        throw new UnsupportedOperationException();
      }

      public dev.polder.runtime.config.RbacConfig rbac() {
        throw new UnsupportedOperationException();
      }

      public Map<String, Price> prices() {
        return Map.of();
      }

      public dev.polder.runtime.config.McpConfig mcp() {
        throw new UnsupportedOperationException();
      }
    };
  }
}
