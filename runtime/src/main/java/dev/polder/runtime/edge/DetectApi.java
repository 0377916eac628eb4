package dev.polder.runtime.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.pii.detect.ConfiguredDetector;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.ner.NerNotReadyException;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.detect.Detectors;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.identity.ApiKeyRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code POST /polder/v1/detect}: the detectors alone on one text, for operators testing their
 * registry and for evaluation. {@code {"text": "...", "language": "en", "detectors": [..]}} →
 * {@code {"findings": [{"type","start","end","score","detector"}]}} (UTF-16 offsets). Same API keys
 * as the rest of the API; bad input gets OpenAI's error shape.
 */
@ApplicationScoped
class DetectApi {

  static final String PATH = "/polder/v1/detect";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|any");

  private final GatewayConfig config;
  private final ApiKeyRegistry keys;
  private final Detectors detectors;
  private final Vertx vertx;

  DetectApi(GatewayConfig config, Detectors detectors, Vertx vertx) {
    this.config = config;
    this.keys = new ApiKeyRegistry(config.auth());
    this.detectors = detectors;
    this.vertx = vertx;
  }

  void routes(@Observes Router router) {
    router
        .post(PATH)
        .handler(BodyHandler.create(false).setBodyLimit(config.limits().maxBodyBytes()))
        .handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    vertx
        .executeBlocking(() -> detect(ctx), false)
        .onComplete(
            result -> {
              if (result.succeeded()) {
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(result.result());
              } else if (result.cause() instanceof GatewayException error) {
                ErrorReplies.send(ctx.response(), error);
              } else {
                ctx.fail(500, result.cause());
              }
            });
  }

  private String detect(RoutingContext ctx) {
    keys.authenticate(ctx.request().getHeader("Authorization"));
    ObjectNode request = parse(ctx);
    JsonNode text = request.get("text");
    if (text == null || text.isNull()) {
      throw GatewayException.badRequest(
          "missing_required_parameter", "text", "Missing required parameter: 'text'");
    }
    if (!text.isTextual()) {
      throw GatewayException.badRequest("invalid_type", "text", "'text' must be a string");
    }
    DetectionContext context = new DetectionContext(language(request), java.util.Optional.empty());
    Set<String> only = detectorFilter(request);
    if (only != null) {
      context = context.onlyDetectors(only);
    }
    List<Finding> findings;
    try {
      findings = detectors.engine().detect(text.asText(), context);
    } catch (NerNotReadyException e) {
      throw new GatewayException(
          503,
          "service_unavailable",
          "detector_not_ready",
          null,
          "The gateway's detectors are not ready yet (" + e.state() + "); retry shortly");
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("findings");
    for (Finding f : findings) {
      list.addObject()
          .put("type", f.type())
          .put("start", f.start())
          .put("end", f.end())
          .put("score", f.score())
          .put("detector", f.detector());
    }
    return out.toString();
  }

  private static ObjectNode parse(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
      throw GatewayException.badRequest(
          "invalid_json", null, "The request body must be a JSON object");
    }
    JsonNode root;
    try {
      root = JSON.readTree(ctx.body().buffer().getBytes());
    } catch (IOException e) {
      throw GatewayException.badRequest("invalid_json", null, "The request body is not valid JSON");
    }
    if (!(root instanceof ObjectNode object)) {
      throw GatewayException.badRequest(
          "invalid_json", null, "The request body must be a JSON object");
    }
    return object;
  }

  private String language(ObjectNode request) {
    JsonNode language = request.get("language");
    if (language == null || language.isNull()) {
      return detectors.promptContext().language();
    }
    if (!language.isTextual() || !LANGUAGE.matcher(language.asText()).matches()) {
      throw GatewayException.badRequest(
          "invalid_value",
          "language",
          "'language' must be an ISO 639-1 code such as \"en\", or \"any\"");
    }
    return language.asText();
  }

  /**
   * The detector names asked for, or null for all; unknown names are an error listing the known.
   */
  private Set<String> detectorFilter(ObjectNode request) {
    JsonNode names = request.get("detectors");
    if (names == null || names.isNull()) {
      return null;
    }
    if (!names.isArray()) {
      throw GatewayException.badRequest(
          "invalid_type", "detectors", "'detectors' must be an array of detector names");
    }
    Set<String> known = new TreeSet<>();
    for (ConfiguredDetector d : detectors.registry().enabledDetectors()) {
      known.add(d.name());
    }
    Set<String> only = new LinkedHashSet<>();
    for (JsonNode name : names) {
      if (!name.isTextual()) {
        throw GatewayException.badRequest(
            "invalid_type", "detectors", "'detectors' must be an array of detector names");
      }
      if (!known.contains(name.asText())) {
        throw GatewayException.badRequest(
            "invalid_value",
            "detectors",
            "Unknown or disabled detector '"
                + name.asText()
                + "'; enabled: "
                + String.join(", ", known));
      }
      only.add(name.asText());
    }
    return only;
  }
}
