package dev.polder.rego.builtins.providers;

import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.OBJECT;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.encoding.GoJson;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** providers.aws.sign_req: signs an http.send request object with AWS SigV4 (no network). */
public final class ProviderBuiltins {

  private ProviderBuiltins() {}

  private static final List<String> REQUEST_KEYS = List.of("method", "url");
  private static final List<String> CONFIG_KEYS =
      List.of("aws_access_key", "aws_region", "aws_secret_access_key", "aws_service");

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "providers.aws.sign_req", fn(OBJECT, OBJECT, OBJECT, N), ProviderBuiltins::signReq));
  }

  private static Value signReq(BuiltinContext c, List<Value> a) throws BuiltinException {
    ObjectValue req = Operands.object(a, 1);
    ObjectValue config = Operands.object(a, 2);
    NumberValue timeNs = Operands.number(a, 3);
    Map<String, String> r = required(req, REQUEST_KEYS, 1, "request");
    Map<String, String> cfg = required(config, CONFIG_KEYS, 2, "AWS config");
    boolean unsigned = false;
    Value flag = config.get("disable_payload_signing");
    if (flag != null) {
      if (!(flag instanceof BooleanValue b)) {
        throw BuiltinException.typeError(
            "operand 2 invalid value for 'disable_payload_signing' in AWS config");
      }
      unsigned = b.value();
    }
    String token = config.get("aws_session_token") instanceof StringValue s ? s.value() : "";
    if (!timeNs.isLong() || timeNs.signum() < 0) {
      throw BuiltinException.typeError(
          "operand 3 could not convert time_ns value into a unix timestamp");
    }
    long ns = timeNs.asLong();
    Instant time = Instant.ofEpochSecond(ns / 1_000_000_000L, ns % 1_000_000_000L);
    URI url;
    try {
      url = new URI(r.get("url"));
    } catch (URISyntaxException e) {
      throw BuiltinException.error("invalid url: " + e.getMessage());
    }
    byte[] body = new byte[0];
    if (req.get("raw_body") instanceof StringValue raw) {
      body = raw.value().getBytes(StandardCharsets.UTF_8);
    } else if (req.get("body") != null) {
      body = GoJson.marshal(req.get("body")).getBytes(StandardCharsets.UTF_8);
    }
    Map<String, String> requestHeaders = new TreeMap<>();
    if (req.get("headers") instanceof ObjectValue headers) {
      for (Value k : headers.sortedKeys()) {
        if (k instanceof StringValue ks && headers.get(k) instanceof StringValue vs) {
          requestHeaders.put(ks.value(), vs.value());
        }
      }
    }
    Map<String, String> signed =
        AwsSignerV4.sign(
            r.get("method"),
            url,
            requestHeaders,
            body,
            new AwsSignerV4.Credentials(
                cfg.get("aws_access_key"),
                cfg.get("aws_secret_access_key"),
                token,
                cfg.get("aws_region"),
                cfg.get("aws_service")),
            time,
            unsigned);
    ObjectValue.Builder headers = ObjectValue.builder();
    requestHeaders.forEach((k, v) -> headers.put(k, StringValue.of(v)));
    signed.forEach((k, v) -> headers.put(k, StringValue.of(v)));
    return req.with(StringValue.of("headers"), headers.build());
  }

  /** The string values of required keys, with OPA's messages for missing or non-string ones. */
  private static Map<String, String> required(
      ObjectValue o, List<String> keys, int operand, String what) throws BuiltinException {
    TreeSet<String> missing = new TreeSet<>();
    TreeSet<String> invalid = new TreeSet<>();
    Map<String, String> out = new TreeMap<>();
    for (String k : keys) {
      Value v = o.get(k);
      if (v == null) {
        missing.add(k);
      } else if (!(v instanceof StringValue s)) {
        invalid.add(k);
      } else {
        out.put(k, s.value());
      }
    }
    if (!missing.isEmpty()) {
      throw BuiltinException.typeError(
          "operand " + operand + " missing required " + what + " parameters(s): " + set(missing));
    }
    if (!invalid.isEmpty()) {
      throw BuiltinException.typeError(
          "operand "
              + operand
              + " invalid values for required "
              + what
              + " parameters(s): "
              + set(invalid));
    }
    return out;
  }

  private static String set(TreeSet<String> keys) {
    StringBuilder sb = new StringBuilder("{");
    for (String k : keys) {
      sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append('"');
    }
    return sb.append('}').toString();
  }
}
