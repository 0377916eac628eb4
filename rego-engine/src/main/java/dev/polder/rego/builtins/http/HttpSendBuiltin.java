package dev.polder.rego.builtins.http;

import static dev.polder.rego.types.Types.OBJECT;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code http.send}, disabled by default: the gateway is air-gapped and policies must not make
 * outbound calls. The request object is validated as OPA validates it; then, unless an embedder
 * registered a {@link Transport}, the call fails with an error (fail closed).
 */
public final class HttpSendBuiltin implements Builtin {

  /** Performs an allowed request; implementations decide which URLs are reachable. */
  @FunctionalInterface
  public interface Transport {
    /**
     * @return the response object ({@code status_code}, {@code body}, {@code headers}, ...)
     */
    ObjectValue send(ObjectValue request) throws BuiltinException;
  }

  public static final String DISABLED_MESSAGE =
      "http.send is disabled: policies may not make network calls from this gateway";

  private static final Set<String> REQUIRED = Set.of("method", "url");
  private static final Set<String> ALLOWED =
      Set.of(
          "method",
          "url",
          "body",
          "enable_redirect",
          "force_json_decode",
          "force_yaml_decode",
          "headers",
          "raw_body",
          "tls_use_system_certs",
          "tls_ca_cert",
          "tls_ca_cert_file",
          "tls_ca_cert_env_variable",
          "tls_client_cert",
          "tls_client_cert_file",
          "tls_client_cert_env_variable",
          "tls_client_key",
          "tls_client_key_file",
          "tls_client_key_env_variable",
          "tls_insecure_skip_verify",
          "tls_server_name",
          "timeout",
          "cache",
          "force_cache",
          "force_cache_duration_seconds",
          "raise_error",
          "caching_mode",
          "max_retry_attempts",
          "cache_ignored_headers");

  private final Transport transport;

  /** The standard, disabled {@code http.send}. */
  public static void register(BuiltinRegistry r) {
    r.register(new HttpSendBuiltin(null));
  }

  /**
   * @param transport performs allowed requests; null disables http.send
   */
  public HttpSendBuiltin(Transport transport) {
    this.transport = transport;
  }

  @Override
  public String name() {
    return "http.send";
  }

  @Override
  public Type.Function signature() {
    return fn(OBJECT, OBJECT);
  }

  @Override
  public boolean nondeterministic() {
    return true;
  }

  @Override
  public Value call(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    ObjectValue request = Operands.object(args, 1);
    Set<String> invalid = new TreeSet<>();
    Set<String> present = new TreeSet<>();
    for (Value k : request.sortedKeys()) {
      String key = k instanceof StringValue s ? s.value() : k.toString();
      present.add(key);
      if (!ALLOWED.contains(key)) {
        invalid.add(key);
      }
    }
    if (!invalid.isEmpty()) {
      throw BuiltinException.typeError("invalid request parameters(s): " + goSet(invalid));
    }
    Set<String> missing = new TreeSet<>(REQUIRED);
    missing.removeAll(present);
    if (!missing.isEmpty()) {
      throw BuiltinException.typeError("missing required request parameters(s): " + goSet(missing));
    }
    if (transport == null) {
      throw BuiltinException.error(DISABLED_MESSAGE);
    }
    return transport.send(request);
  }

  private static String goSet(Set<String> keys) {
    StringBuilder sb = new StringBuilder("{");
    for (String k : keys) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append('"').append(k).append('"');
    }
    return sb.append('}').toString();
  }
}
