package dev.polder.runtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.config.OidcConfig;
import dev.polder.runtime.error.GatewayException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiKeyRegistryTest {

  private static GatewayConfig.ApiKey key(String secret, String principal) {
    return new GatewayConfig.ApiKey() {
      public String sha256() {
        return ApiKeyRegistry.sha256Hex(secret);
      }

      public String principal() {
        return principal;
      }

      public String team() {
        return "t";
      }

      public List<String> roles() {
        return List.of("app");
      }

      public String environment() {
        return "prod";
      }

      public List<String> models() {
        return List.of("m");
      }

      public boolean egress() {
        return false;
      }
    };
  }

  private static final ApiKeyRegistry REGISTRY =
      new ApiKeyRegistry(
          new GatewayConfig.Auth() {
            public boolean demoKeyEnabled() {
              return true;
            }

            public Map<String, GatewayConfig.ApiKey> keys() {
              return Map.of(
                  "one", key("secret-one", "svc-one"), "two", key("secret-two", "svc-two"));
            }

            public OidcConfig oidc() {
              return Map::of;
            }
          });

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Bearer secret-one, svc-one",
    "bearer secret-two, svc-two",
    "Bearer  secret-two , svc-two",
    "Bearer polder-demo-key, demo"
  })
  void knownKeysResolveToTheirPrincipal(String header, String principal) {
    assertEquals(principal, REGISTRY.authenticate(header).id());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"secret-one, key:one", "polder-demo-key, key:demo"})
  void principalNamesTheCredentialButNotTheSecret(String secret, String credential) {
    assertEquals(credential, REGISTRY.find(secret).orElseThrow().principal().credential());
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      value = {
        "''",
        "Bearer",
        "Bearer secret-on",
        "Bearer secret-one2",
        "Basic c2VjcmV0",
        "secret-one"
      },
      nullValues = "NULL")
  void otherHeadersAre401(String header) {
    GatewayException e = assertThrows(GatewayException.class, () -> REGISTRY.authenticate(header));
    assertEquals(401, e.status());
  }
}
