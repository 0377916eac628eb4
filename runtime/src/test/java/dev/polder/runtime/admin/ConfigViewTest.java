package dev.polder.runtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigViewTest {

  @ParameterizedTest(name = "{0} secret = {2}")
  @CsvSource({
    "polder.backends.cloud.api-key, sk-123, true",
    "polder.auth.keys.support-bot.sha256, 5e88, true",
    "polder.auth.keys.support-bot.principal, support-bot, false",
    "polder.auth.oidc.issuers.corp.secret, s3cret, true",
    "polder.auth.oidc.issuers.corp.public-keys.k1, -----BEGIN PUBLIC KEY-----, false",
    "polder.auth.oidc.issuers.corp.public-keys.k1, -----BEGIN PRIVATE KEY-----, true",
    "polder.audit.hmac-key, abc, true",
    "polder.mcp.servers.gh.env.GITHUB_TOKEN, ghp_x, true",
    "polder.mcp.servers.gh.headers.Authorization, Bearer x, true",
    "polder.limits.tokens-per-minute, 1000, false",
    "polder.backends.cloud.url, https://api.example, false",
    "POLDER_BACKENDS_CLOUD_API_KEY, sk-1, true",
    "POLDER_BACKENDS_CLOUD_URL, http://x, false",
  })
  void masksSecretsOnly(String name, String value, boolean secret) {
    assertEquals(secret, ConfigView.isSecret(name, value));
  }
}
