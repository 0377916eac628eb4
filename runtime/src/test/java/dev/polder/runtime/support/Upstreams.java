package dev.polder.runtime.support;

import dev.polder.connectors.testing.ScriptableUpstream;
import dev.polder.connectors.testing.VllmLike;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real HTTP backends the gateway tests run against: vLLM-like servers on 127.0.0.1, one per
 * backend name, scriptable per test (see {@link ScriptableUpstream}).
 */
public final class Upstreams implements AutoCloseable {

  /** Backend names; each is configured as a vLLM backend in {@link GatewayTestResource}. */
  public static final String[] NAMES = {"a", "b", "c", "d", "e", "f", "g"};

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, ScriptableUpstream> servers = new LinkedHashMap<>();

  public Upstreams() {
    for (String name : NAMES) {
      servers.put(name, ScriptableUpstream.start(vertx, new VllmLike()));
    }
  }

  public ScriptableUpstream get(String name) {
    ScriptableUpstream server = servers.get(name);
    if (server == null) {
      throw new IllegalArgumentException("no upstream named " + name);
    }
    return server;
  }

  public int count(String name) {
    return get(name).requests().size();
  }

  /** Back to answering like vLLM; recorded requests stay (tests compare counts). */
  public void reset() {
    servers.values().forEach(s -> s.fallback(new VllmLike()));
  }

  @Override
  public void close() {
    servers.values().forEach(ScriptableUpstream::close);
    vertx.close();
  }
}
