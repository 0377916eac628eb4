package dev.polder.runtime.pipeline;

import dev.polder.runtime.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.errorhandler.NoErrorHandlerDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.jboss.logging.Logger;

/**
 * Loads the pipeline routes from {@code polder.routes.path} ({@code *.camel.yaml}, one route per
 * file, route id = file name) and reloads a file when it changes. A missing folder, or a route
 * whose id is not its file name, stops start-up with a message that says so.
 */
@ApplicationScoped
public class RouteFolder {

  private static final Logger LOG = Logger.getLogger(RouteFolder.class);
  static final String SUFFIX = ".camel.yaml";

  private final CamelContext camel;
  private final GatewayConfig.Routes config;

  @Inject
  public RouteFolder(CamelContext camel, GatewayConfig config) {
    this.camel = camel;
    this.config = config.routes();
  }

  void load(@Observes StartupEvent event) throws Exception {
    Path folder = Path.of(config.path()).toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new ConfigurationException(
          "polder.routes.path: the routes folder "
              + folder
              + " does not exist. Start the gateway from the repository root (where routes/ is) or"
              + " set POLDER_ROUTES_PATH to the folder holding the *.camel.yaml pipeline routes.");
    }
    List<Path> files = routeFiles(folder);
    if (files.isEmpty()) {
      throw new ConfigurationException(
          "polder.routes.path: the routes folder " + folder + " holds no *" + SUFFIX + " files");
    }
    List<Resource> resources = new ArrayList<>();
    for (Path file : files) {
      resources.add(ResourceHelper.resolveResource(camel, "file:" + file));
    }
    // A step's exception is the route's answer (401, 404, ...): it goes back to the edge, which
    // logs what needs logging. Camel's default handler would log each one as a failed delivery.
    camel.getCamelContextExtension().setErrorHandlerFactory(new NoErrorHandlerDefinition());
    PluginHelper.getRoutesLoader(camel).loadRoutes(resources);
    checkIdsMatchFileNames(files);
    if (config.reload()) {
      RouteWatcherReloadStrategy reload = new RouteWatcherReloadStrategy(folder.toString(), false);
      reload.setPattern("*" + SUFFIX);
      camel.addService(reload, true, true);
    }
    LOG.infof(
        "Loaded %d pipeline routes from %s%s",
        files.size(), folder, config.reload() ? " (reloaded on change)" : "");
  }

  private void checkIdsMatchFileNames(List<Path> files) {
    for (Path file : files) {
      String expected = routeId(file);
      if (camel.getRoute(expected) == null) {
        throw new ConfigurationException(
            file + ": the route in this file must have the id '" + expected + "' (its file name)");
      }
    }
    for (Route route : camel.getRoutes()) {
      Resource source = route.getSourceResource();
      if (source != null && source.getLocation().endsWith(SUFFIX)) {
        String expected = routeId(Path.of(source.getLocation().replaceFirst("^file:", "")));
        if (!route.getRouteId().equals(expected)) {
          throw new ConfigurationException(
              source.getLocation()
                  + ": holds route '"
                  + route.getRouteId()
                  + "'; a routes file holds exactly one route, with the file's name as its id");
        }
      }
    }
  }

  static String routeId(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - SUFFIX.length());
  }

  private static List<Path> routeFiles(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }
}
