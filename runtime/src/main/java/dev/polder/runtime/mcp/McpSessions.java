package dev.polder.runtime.mcp;

import dev.polder.runtime.config.GatewayConfig;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP sessions of this node: created by {@code initialize}, bound to the principal that created
 * them, forgotten after {@code polder.mcp.session-idle} without use or on DELETE.
 */
@ApplicationScoped
public class McpSessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Duration idle;
  private final int max;

  static final class Session {
    final String id;
    final String principal;
    final String protocolVersion;
    volatile long lastUsed = System.nanoTime();
    volatile HttpServerResponse stream;

    Session(String id, String principal, String protocolVersion) {
      this.id = id;
      this.principal = principal;
      this.protocolVersion = protocolVersion;
    }
  }

  @Inject
  public McpSessions(GatewayConfig config) {
    this.idle = config.mcp().sessionIdle();
    this.max = config.mcp().maxSessions();
  }

  /** A new session, or empty when the node holds its maximum already. */
  Optional<Session> create(String principal, String protocolVersion) {
    expire();
    if (sessions.size() >= max) {
      return Optional.empty();
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    Session session = new Session(HexFormat.of().formatHex(bytes), principal, protocolVersion);
    sessions.put(session.id, session);
    return Optional.of(session);
  }

  /** The caller's session: known, not expired, and created by the same principal. */
  Optional<Session> find(String id, String principal) {
    Session session = id == null ? null : sessions.get(id);
    if (session == null || !session.principal.equals(principal)) {
      return Optional.empty();
    }
    if (System.nanoTime() - session.lastUsed > idle.toNanos() && session.stream == null) {
      remove(session.id);
      return Optional.empty();
    }
    session.lastUsed = System.nanoTime();
    return Optional.of(session);
  }

  void remove(String id) {
    Session session = sessions.remove(id);
    if (session != null && session.stream != null && !session.stream.ended()) {
      session.stream.end();
    }
  }

  Iterable<Session> all() {
    return sessions.values();
  }

  public int size() {
    return sessions.size();
  }

  private void expire() {
    long now = System.nanoTime();
    sessions.values().removeIf(s -> s.stream == null && now - s.lastUsed > idle.toNanos());
  }
}
