package dev.polder.runtime.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.pipeline.PipelineHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Route step {@code parse}: request bytes → OpenAI request object (the message body), or 400. */
@ApplicationScoped
@Named("parse")
public class ParseStep implements Processor {

  private final RequestParser parser;

  @Inject
  public ParseStep(GatewayConfig config) {
    this.parser = new RequestParser(config.limits().maxJsonDepth());
  }

  @Override
  public void process(Exchange exchange) {
    GatewayCall call = GatewayCall.of(exchange);
    ObjectNode request = parser.parse(call.operation(), call.rawBody());
    call.request(request);
    call.model(request.get("model").asText());
    call.stream(request.path("stream").asBoolean(false));
    Message in = exchange.getMessage();
    in.setHeader(PipelineHeaders.MODEL, call.model());
    in.setHeader(PipelineHeaders.STREAM, call.stream());
    in.setBody(request);
  }
}
