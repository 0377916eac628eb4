package dev.polder.connectors;

import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.echo.EchoClient;
import dev.polder.connectors.kserve.KserveV2TritonClient;
import dev.polder.connectors.openai.OpenAiCompatibleClient;
import dev.polder.connectors.openai.OpenAiDialect;
import dev.polder.connectors.openai.OpenAiExternalDialect;
import dev.polder.connectors.openai.OpenAiOllamaDialect;
import dev.polder.connectors.openai.OpenAiSglangDialect;
import dev.polder.connectors.openai.OpenAiTgiDialect;
import dev.polder.connectors.openai.OpenAiVllmDialect;
import dev.polder.connectors.resilience.ResilientConnector;
import dev.polder.connectors.transport.ProtocolClient;
import io.vertx.core.Vertx;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Builds the {@link ModelConnector} for a {@link BackendSpec} from its provider name. Known
 * providers: {@code vllm}, {@code tgi}, {@code sglang}, {@code ollama}, {@code openai} (external
 * OpenAI-compatible API), {@code openai-compatible} (any other server that speaks the protocol),
 * {@code kserve} / {@code triton} (KServe v2 inference protocol with Triton's generate extension),
 * and {@code echo} (built-in).
 */
public final class ConnectorFactory {

  private final Vertx vertx;
  private final Map<String, BiFunction<Vertx, BackendSpec, ProtocolClient>> providers =
      new ConcurrentHashMap<>();

  public ConnectorFactory(Vertx vertx) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    registerDialect(new OpenAiVllmDialect());
    registerDialect(new OpenAiTgiDialect());
    registerDialect(new OpenAiSglangDialect());
    registerDialect(new OpenAiOllamaDialect());
    registerDialect(new OpenAiExternalDialect("openai"));
    registerDialect(new OpenAiExternalDialect("openai-compatible"));
    providers.put("kserve", KserveV2TritonClient::new);
    providers.put("triton", KserveV2TritonClient::new);
    providers.put("echo", EchoClient::new);
  }

  /** Adds (or replaces) an OpenAI-compatible provider with its quirks. */
  public ConnectorFactory registerDialect(OpenAiDialect dialect) {
    providers.put(
        dialect.provider().toLowerCase(Locale.ROOT),
        (v, spec) -> new OpenAiCompatibleClient(v, spec, dialect));
    return this;
  }

  /** Adds (or replaces) a provider that speaks another protocol. */
  public ConnectorFactory registerProtocol(
      String provider, BiFunction<Vertx, BackendSpec, ProtocolClient> client) {
    providers.put(provider.toLowerCase(Locale.ROOT), client);
    return this;
  }

  /** Provider names this factory can build, sorted. */
  public Set<String> providers() {
    return new TreeSet<>(providers.keySet());
  }

  /**
   * The connector for one backend.
   *
   * @throws IllegalArgumentException naming {@code provider} when it is unknown
   */
  public ModelConnector create(BackendSpec spec) {
    BiFunction<Vertx, BackendSpec, ProtocolClient> client = providers.get(spec.provider());
    if (client == null) {
      throw new IllegalArgumentException(
          "provider '" + spec.provider() + "' is unknown; known providers: " + providers());
    }
    return new ResilientConnector(vertx, spec, client.apply(vertx, spec));
  }
}
