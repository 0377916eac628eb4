package dev.polder.runtime.telemetry;

import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * Wraps every named step of the pipeline routes ({@code process: ref: <name>}, and {@code to:}
 * calls an integration engineer adds) in a span under the request span: {@code step <name>}. After
 * a {@code decide-*} step it notes the decision and classification ({@link StepFacts}).
 */
final class StepSpans implements InterceptStrategy {

  private final SpanRecording recording;
  private final Tracer tracer;
  private final StepFacts facts;

  StepSpans(SpanRecording recording, StepFacts facts) {
    this.recording = recording;
    this.tracer = recording.tracer();
    this.facts = facts;
  }

  @Override
  public Processor wrapProcessorInInterceptors(
      CamelContext context, NamedNode definition, Processor target, Processor nextTarget) {
    String step = stepName(definition);
    if (step == null) {
      return target;
    }
    if (!recording.recording() && !step.startsWith(StepFacts.DECIDE_PREFIX)) {
      return target; // no span to make, and only the decide-* steps leave facts (metrics) behind
    }
    return new Traced(target, step, routeId(definition));
  }

  static String stepName(NamedNode definition) {
    if (definition instanceof ProcessDefinition process && process.getRef() != null) {
      return process.getRef();
    }
    if (definition instanceof ToDefinition || definition instanceof ToDynamicDefinition) {
      // The endpoint's scheme only: URIs may carry secrets in their query.
      String label = definition.getLabel();
      int colon = label == null ? -1 : label.indexOf(':');
      return colon > 0 ? "to " + label.substring(0, colon) : "to";
    }
    return null;
  }

  private static String routeId(NamedNode definition) {
    if (definition instanceof ProcessorDefinition<?> processor) {
      RouteDefinition route = ProcessorDefinitionHelper.getRoute(processor);
      if (route != null && route.getRouteId() != null) {
        return route.getRouteId();
      }
    }
    return "";
  }

  private final class Traced extends DelegateAsyncProcessor {
    private final String step;
    private final String route;

    Traced(Processor target, String step, String route) {
      super(target);
      this.step = step;
      this.route = route;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
      GatewayCall call = exchange.getProperty(GatewayCall.PROPERTY, GatewayCall.class);
      if (call == null) {
        return super.process(exchange, callback);
      }
      if (!recording.recording()) {
        return super.process(
            exchange,
            doneSync -> {
              facts.afterStep(step, exchange, call, Span.getInvalid());
              callback.done(doneSync);
            });
      }
      Span span =
          tracer
              .spanBuilder("step " + step)
              .setParent(call.traceContext())
              .setAttribute(GenAi.STEP, step)
              .setAttribute(GenAi.ROUTE, route)
              .setAttribute(GenAi.REQUEST_ID, call.requestId())
              .startSpan();
      try (Scope ignored = span.makeCurrent()) {
        return super.process(
            exchange,
            doneSync -> {
              finish(span, exchange, call);
              callback.done(doneSync);
            });
      }
    }

    private void finish(Span span, Exchange exchange, GatewayCall call) {
      try {
        facts.afterStep(step, exchange, call, span);
        Exception failure = exchange.getException();
        if (failure instanceof GatewayException refused) {
          span.setAttribute(GenAi.HTTP_STATUS, (long) refused.status());
          span.setAttribute(GenAi.ERROR_CODE, refused.code());
          if (refused.status() >= 500) {
            span.setStatus(StatusCode.ERROR);
          }
        } else if (failure != null) {
          // The class only: messages may quote the request.
          span.setAttribute(GenAi.ERROR_TYPE, failure.getClass().getName());
          span.setStatus(StatusCode.ERROR);
        }
      } finally {
        span.end();
      }
    }
  }
}
