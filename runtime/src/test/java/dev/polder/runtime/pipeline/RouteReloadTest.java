package dev.polder.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.connectors.testing.RecordedRequest;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.RoutesCopy;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An integration engineer adds a step to a route file — here a camel-http call to an internal
 * service, configured by a placeholder — and the running gateway picks it up without Java and
 * without a restart.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class RouteReloadTest {

  private static final String FILE = "chat-completions.camel.yaml";
  private static final String HOOK =
      """
              - setBody:
                  simple: '{"principal":"${header.PolderPrincipal}","model":"${header.PolderModel}"}'
              - to:
                  uri: "{{test.hook-url}}/v1/models"
      """;

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;
  RoutesCopy routes;

  @Test
  void addedHttpStepRunsAfterReloadAndRemovingItStopsIt() throws InterruptedException {
    String original = routes.read(FILE);
    String anchor = "        - process:\n            ref: select-backend\n";
    assertTrue(original.contains(anchor), "the route has a select-backend step");
    routes.write(FILE, original.replace(anchor, HOOK + anchor));
    try {
      RecordedRequest hook = awaitHookCall();
      assertEquals("POST", hook.method());
      assertEquals("svc-all", hook.json().get("principal").asText());
      assertEquals("plain", hook.json().get("model").asText());
    } finally {
      routes.write(FILE, original);
    }
    awaitNoHookCall();
  }

  private RecordedRequest awaitHookCall() throws InterruptedException {
    for (int attempt = 0; attempt < 60; attempt++) {
      int before = upstreams.count("e");
      chatSucceeds();
      List<RecordedRequest> received = upstreams.get("e").requests();
      if (received.size() > before) {
        return received.get(received.size() - 1);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the changed route was not reloaded within 15 s");
  }

  private void awaitNoHookCall() throws InterruptedException {
    for (int attempt = 0; attempt < 60; attempt++) {
      int before = upstreams.count("e");
      chatSucceeds();
      if (upstreams.count("e") == before) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the restored route was not reloaded within 15 s");
  }

  private void chatSucceeds() {
    HttpResponse<String> response =
        Clients.post(
            gateway, "/v1/chat/completions", GatewayTestResource.KEY_ALL, Clients.chat("plain"));
    assertEquals(200, response.statusCode(), response.body());
  }
}
