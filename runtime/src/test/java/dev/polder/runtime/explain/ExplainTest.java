package dev.polder.runtime.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.RecordedBackends;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explain endpoint runs the chat route's steps and shows their outcome, calling no backend. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class ExplainTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/polder/v1/explain";

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;
  RecordedBackends recorded;

  @Test
  void explainsTheDecisionAndTheRequestAsItWouldBeSent() throws Exception {
    int before = upstreams.count("a");
    HttpResponse<String> response =
        Clients.post(
            gateway,
            PATH,
            GatewayTestResource.KEY_ALL,
            "{\"model\":\"plain\",\"max_tokens\":100000,\"top_k\":5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("polder.explanation", body.path("object").asText());
    assertEquals(200, body.at("/outcome/status").asInt());
    assertEquals("a", body.at("/backend/name").asText());
    assertEquals("internal", body.at("/backend/location").asText());
    assertEquals("Hello there", body.at("/messages/0/content").asText());
    // The route point's token cap is written into the request that would be sent.
    assertEquals(2048, body.at("/request/max_tokens").asInt(), body.toString());
    assertEquals(5, body.at("/request/top_k").asInt());
    assertEquals(before, upstreams.count("a"), "explain called the backend");
    assertEquals(
        response.headers().firstValue("x-polder-request-id").orElseThrow(),
        body.path("request_id").asText());
    assertTrue(
        response.headers().firstValue("x-polder-decision").orElseThrow().startsWith("allow; "));
  }

  @Test
  void everyPointIsShownWithTheRulesThatFiredAndTheBundle() throws Exception {
    JsonNode body =
        JSON.readTree(
            Clients.post(gateway, PATH, GatewayTestResource.KEY_ALL, Clients.chat("plain")).body());
    JsonNode decision = body.path("decision");
    assertEquals(64, decision.path("bundle").asText().length(), decision.toString());
    List<String> points = new ArrayList<>();
    decision.path("points").forEach(p -> points.add(p.path("point").asText()));
    assertEquals(List.of("classify", "access", "redact", "route", "tool-access"), points);
    JsonNode route = decision.path("points").get(3);
    boolean capRule = false;
    for (JsonNode contribution : route.path("contributions")) {
      capRule |=
          contribution.path("rule").asText().equals("Every request is capped")
              && contribution.path("file").asText().equals("rules/route/token-caps.drl");
    }
    assertTrue(capRule, route.toString());
  }

  @Test
  void aRefusedRequestIsExplainedAndNothingWouldBeSent() throws Exception {
    HttpResponse<String> response =
        Clients.post(
            gateway,
            PATH,
            "compliance-no-egress",
            "{\"model\":\"external-only\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(403, body.at("/outcome/status").asInt());
    assertEquals("egress_denied", body.at("/outcome/error/code").asText());
    assertTrue(body.path("backend").isNull());
    assertTrue(body.path("request").isNull());
    assertEquals(0, body.path("candidates").size());
    // Policy alone would permit egress; the key does not, and the short decision says so.
    assertTrue(body.at("/decision/egress").asBoolean(), body.toString());
    assertTrue(body.at("/outcome/decision").asText().contains("egress=false"), body.toString());
    assertEquals(0, recorded.external().received().length);
  }

  @Test
  void sameKeyCheckAsTheChatEndpoint() throws Exception {
    HttpResponse<String> noKey = Clients.post(gateway, PATH, null, Clients.chat("plain"));
    assertEquals(401, noKey.statusCode());
    assertEquals("invalid_api_key", JSON.readTree(noKey.body()).at("/error/code").asText());

    HttpResponse<String> notAllowed =
        Clients.post(gateway, PATH, GatewayTestResource.KEY_LIMITED, Clients.chat("plain"));
    assertEquals(403, notAllowed.statusCode());
    assertEquals("model_not_allowed", JSON.readTree(notAllowed.body()).at("/error/code").asText());
  }

  @Test
  void badRequestsAnswerInOpenAiShape() throws Exception {
    HttpResponse<String> broken = Clients.post(gateway, PATH, GatewayTestResource.KEY_ALL, "{");
    assertEquals(400, broken.statusCode());
    assertEquals("invalid_json", JSON.readTree(broken.body()).at("/error/code").asText());

    HttpResponse<String> unknown =
        Clients.post(gateway, PATH, GatewayTestResource.KEY_ALL, Clients.chat("unknown"));
    assertEquals(404, unknown.statusCode());

    HttpResponse<String> tooLarge =
        Clients.post(gateway, PATH, GatewayTestResource.KEY_ALL, new byte[70_000]);
    assertEquals(413, tooLarge.statusCode());
    assertTrue(JSON.readTree(tooLarge.body()).path("error").has("message"));
  }
}
