package dev.polder.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of {@code polder.mcp.*} that its types cannot express; each problem names its key. */
final class McpConfigValidator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*(_[A-Za-z0-9-]+)*");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> ENVIRONMENTS = Set.of("prod", "staging", "dev");
  private static final Set<String> LOCATIONS = Set.of("internal", "external");
  private static final Set<String> STARTS = Set.of("eager", "lazy", "auto");
  private static final ObjectMapper JSON = new ObjectMapper();

  private McpConfigValidator() {}

  static void check(McpConfig mcp, List<String> problems) {
    if (mcp.maxSessions() < 1) {
      problems.add("polder.mcp.max-sessions: must be at least 1");
    }
    if (!positive(mcp.sessionIdle())) {
      problems.add("polder.mcp.session-idle: must be positive");
    }
    mcp.servers().forEach((name, server) -> checkServer(name, server, problems));
  }

  private static void checkServer(String name, McpConfig.Server server, List<String> problems) {
    String prefix = "polder.mcp.servers." + name;
    if (!NAME.matcher(name).matches() || name.contains("__")) {
      problems.add(
          prefix
              + ": a server name is letters, digits, '-' and single '_' (tools are named <server>__<tool>)");
    }
    if (server.command().isPresent() == server.url().isPresent()) {
      problems.add(prefix + ": set exactly one of command (stdio) and url (Streamable HTTP)");
    }
    server
        .url()
        .ifPresent(
            url -> {
              try {
                URI uri = URI.create(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                    || uri.getHost() == null) {
                  problems.add(
                      prefix + ".url: must be an http:// or https:// URL, got '" + url + "'");
                }
              } catch (IllegalArgumentException e) {
                problems.add(prefix + ".url: not a URL: '" + url + "'");
              }
            });
    if (server.args().isPresent() && server.command().isEmpty()) {
      problems.add(prefix + ".args: only a stdio server (command) has args");
    }
    if (!ENVIRONMENTS.contains(server.environment())) {
      problems.add(
          prefix
              + ".environment: must be prod, staging or dev, got '"
              + server.environment()
              + "'");
    }
    if (!LOCATIONS.contains(server.location())) {
      problems.add(
          prefix + ".location: must be internal or external, got '" + server.location() + "'");
    }
    if (!STARTS.contains(server.start())) {
      problems.add(prefix + ".start: must be eager, lazy or auto, got '" + server.start() + "'");
    }
    if (!positive(server.timeouts().connect())) {
      problems.add(prefix + ".timeouts.connect: must be positive");
    }
    if (!positive(server.timeouts().call())) {
      problems.add(prefix + ".timeouts.call: must be positive");
    }
    if (server.maxMessageBytes() < 1024) {
      problems.add(prefix + ".max-message-bytes: must be at least 1024");
    }
    checkLimits(
        prefix + ".limits",
        server.limits().concurrency(),
        server.limits().ratePerMinute(),
        problems);
    server
        .tools()
        .forEach((tool, spec) -> checkTool(prefix + ".tools." + tool, tool, spec, problems));
  }

  private static void checkTool(
      String key, String tool, McpConfig.Tool spec, List<String> problems) {
    checkLimits(key, spec.concurrency().orElse(1), spec.ratePerMinute().orElse(0), problems);
    spec.timeout()
        .filter(t -> !positive(t))
        .ifPresent(t -> problems.add(key + ".timeout: must be positive"));
    spec.pinnedSchemaSha256()
        .filter(pin -> !SHA256_HEX.matcher(pin).matches())
        .ifPresent(
            pin -> problems.add(key + ".pinned-schema-sha256: must be 64 lower-case hex digits"));
    if ("*".equals(tool)
        && (spec.pinnedSchemaSha256().isPresent() || !spec.constraints().isEmpty())) {
      problems.add(key + ": pins and constraints need a tool name, not '*'");
    }
    spec.constraints()
        .forEach(
            (argument, fragment) -> {
              try {
                JsonNode node = JSON.readTree(fragment);
                if (node == null || !node.isObject()) {
                  problems.add(key + ".constraints." + argument + ": must be a JSON Schema object");
                }
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problems.add(
                    key
                        + ".constraints."
                        + argument
                        + ": not valid JSON: "
                        + e.getOriginalMessage());
              }
            });
  }

  private static boolean positive(java.time.Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static void checkLimits(String key, int concurrency, int rate, List<String> problems) {
    if (concurrency < 1) {
      problems.add(key + ".concurrency: must be at least 1");
    }
    if (rate < 0) {
      problems.add(key + ".rate-per-minute: must not be negative");
    }
  }
}
