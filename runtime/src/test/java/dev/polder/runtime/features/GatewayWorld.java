package dev.polder.runtime.features;

import dev.polder.runtime.support.AuditDir;
import dev.polder.runtime.support.Upstreams;
import java.net.URI;

/** What the step definitions talk to: set by {@link FeaturesTest} once the gateway runs. */
public final class GatewayWorld {

  static volatile URI gateway;
  static volatile Upstreams upstreams;
  static volatile AuditDir audit;

  /** The last response any step received, for steps of other classes (e.g. the audit steps). */
  static volatile java.net.http.HttpResponse<String> lastResponse;

  private GatewayWorld() {}
}
