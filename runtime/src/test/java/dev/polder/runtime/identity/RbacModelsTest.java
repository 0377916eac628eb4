package dev.polder.runtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Roles grant models; a key's own list narrows them. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class RbacModelsTest {

  @TestHTTPResource("/")
  URI gateway;

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource({
    // role 'researcher' grants priority and echo; the key itself allows '*'
    "test-key-research, priority, 200",
    "test-key-research, echo, 200",
    "test-key-research, plain, 403",
    // role 'app' grants '*'; the key narrows it to echo and priority
    "test-key-limited, priority, 200",
    "test-key-limited, plain, 403",
    // role 'admin' grants admin actions only
    "test-key-admin, echo, 403",
    "test-key-all, plain, 200",
  })
  void rolesAndKeyDecideTheModels(String key, String model, int status) {
    assertEquals(
        status,
        Clients.post(gateway, "/v1/chat/completions", key, Clients.chat(model)).statusCode());
  }
}
