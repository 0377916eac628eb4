package dev.polder.runtime.routing;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.config.GatewayConfig.Location;
import dev.polder.runtime.config.GatewayConfig.VirtualModel;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.pipeline.PipelineHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step {@code select-backend}: orders the virtual model's backends (priority, weight or
 * latency, fallback), puts a sticky session's backend first, and drops external backends unless
 * egress is permitted.
 */
@ApplicationScoped
@Named("select-backend")
public class SelectBackendStep implements Processor {

  private final GatewayConfig config;
  private final LatencyTracker latency;
  private final StickySessions sticky;

  @Inject
  public SelectBackendStep(GatewayConfig config, LatencyTracker latency, StickySessions sticky) {
    this.config = config;
    this.latency = latency;
    this.sticky = sticky;
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    VirtualModel model = config.models().get(call.model());
    if (model == null) {
      throw GatewayException.modelNotFound(call.model());
    }
    List<String> ordered = CandidateOrder.of(model, latency, ThreadLocalRandom.current());
    List<String> candidates = ordered;
    if (model.sticky().enabled()) {
      String key =
          call.header(model.sticky().header())
              .map(session -> "session:" + session)
              .orElse("principal:" + call.principal().id());
      call.stickyKey(key);
      candidates =
          sticky
              .backendFor(call.model(), key)
              .map(remembered -> CandidateOrder.preferring(ordered, remembered))
              .orElse(ordered);
    }
    if (!call.egressPermitted()) {
      candidates = internalOnly(candidates);
      if (candidates.isEmpty()) {
        throw GatewayException.forbidden(
            "egress_denied",
            "The model '"
                + call.model()
                + "' is served only by external backends, and this request may not leave the"
                + " organisation");
      }
    }
    call.candidates(candidates);
    exchange.getMessage().setHeader(PipelineHeaders.BACKEND, candidates.get(0));
  }

  private List<String> internalOnly(List<String> candidates) {
    List<String> internal = new ArrayList<>(candidates.size());
    for (String name : candidates) {
      if (config.backends().get(name).location() == Location.internal) {
        internal.add(name);
      }
    }
    return internal;
  }
}
