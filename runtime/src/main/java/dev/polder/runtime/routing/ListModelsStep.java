package dev.polder.runtime.routing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.identity.Principal;
import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Route step {@code list-models}: the virtual models the caller may use, in OpenAI's shape. */
@ApplicationScoped
@Named("list-models")
public class ListModelsStep implements Processor {

  private final GatewayConfig config;
  private final long created = System.currentTimeMillis() / 1000;

  @Inject
  public ListModelsStep(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    Principal principal = call.principal();
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("object", "list");
    ArrayNode data = list.putArray("data");
    for (String model : new TreeSet<>(config.models().keySet())) {
      if (principal.mayUse(model)) {
        data.addObject()
            .put("id", model)
            .put("object", "model")
            .put("created", created)
            .put("owned_by", "polder");
      }
    }
    call.responseBody(list);
    exchange.getMessage().setBody(list);
  }
}
