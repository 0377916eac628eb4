package dev.polder.runtime.features;

import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.support.AuditDir;
import dev.polder.runtime.support.BundleCopy;
import dev.polder.runtime.support.RecordedBackends;
import dev.polder.runtime.support.Upstreams;
import java.net.URI;
import java.net.http.HttpResponse;

/** What the step definitions talk to: set by {@link FeaturesTest} once the gateway runs. */
public final class GatewayWorld {

  static volatile URI gateway;
  static volatile Upstreams upstreams;
  static volatile BundleCopy bundle;
  static volatile BundleManager bundles;
  static volatile RecordedBackends recorded;
  static volatile AuditDir audit;

  /** The last response any step received, for steps of other classes. */
  static volatile HttpResponse<String> lastResponse;

  private GatewayWorld() {}
}
