package dev.polder.runtime.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** CDI wiring of the routing state that is shared by the steps and the edge. */
public class RoutingBeans {

  @Produces
  @ApplicationScoped
  LatencyTracker latencyTracker() {
    return new LatencyTracker();
  }
}
