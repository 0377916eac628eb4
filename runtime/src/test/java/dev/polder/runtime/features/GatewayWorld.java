package dev.polder.runtime.features;

import dev.polder.runtime.support.Upstreams;
import java.net.URI;

/** What the step definitions talk to: set by {@link FeaturesTest} once the gateway runs. */
public final class GatewayWorld {

  static volatile URI gateway;
  static volatile Upstreams upstreams;

  private GatewayWorld() {}
}
