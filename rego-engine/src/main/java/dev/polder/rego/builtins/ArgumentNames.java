package dev.polder.rego.builtins;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names OPA's built-in declarations give their arguments and result ({@code types.Named}),
 * printed in type errors as {@code want: (search: string, base: string, result: boolean)}. A
 * built-in missing here (or one OPA declares without names, like {@code eq}) prints bare types.
 */
public final class ArgumentNames {
  private static final Map<String, List<String>> NAMES = new HashMap<>();

  private ArgumentNames() {}

  /** The argument names followed by the result's name, or an empty list when unnamed. */
  public static List<String> of(String builtin) {
    return NAMES.getOrDefault(builtin, List.of());
  }

  private static void put(String builtin, String... names) {
    NAMES.put(builtin, List.of(names));
  }

  private static void same(String[] builtins, String... names) {
    for (String b : builtins) {
      put(b, names);
    }
  }

  static {
    same(new String[] {"gt", "gte", "lt", "lte", "neq", "equal"}, "x", "y", "result");
    same(new String[] {"plus", "minus", "mul", "div", "rem"}, "x", "y", "z");
    same(new String[] {"round", "ceil", "floor", "abs"}, "x", "y");
    same(new String[] {"bits.or", "bits.and", "bits.xor"}, "x", "y", "z");
    put("bits.negate", "x", "z");
    same(new String[] {"bits.lsh", "bits.rsh"}, "x", "s", "z");
    same(new String[] {"and", "or"}, "x", "y", "z");
    same(new String[] {"intersection", "union"}, "xs", "y");
    same(new String[] {"count", "sum", "product", "max", "min", "sort"}, "collection", "n");
    put("array.concat", "x", "y", "z");
    put("array.slice", "arr", "start", "stop", "slice");
    put("array.reverse", "arr", "rev");
    put("to_number", "x", "num");
    put("regex.match", "pattern", "value", "result");
    put("regex.is_valid", "pattern", "result");
    put("regex.find_all_string_submatch_n", "pattern", "value", "number", "output");
    put("regex.template_match", "template", "value", "delimiter_start", "delimiter_end", "result");
    put("regex.split", "pattern", "value", "output");
    put("regex.find_n", "pattern", "value", "number", "output");
    put("regex.globs_match", "glob1", "glob2", "result");
    put("regex.replace", "s", "pattern", "value", "output");
    same(
        new String[] {"strings.any_prefix_match", "strings.any_suffix_match"},
        "search",
        "base",
        "result");
    put("concat", "delimiter", "collection", "output");
    put("format_int", "number", "base", "output");
    same(new String[] {"indexof", "indexof_n"}, "haystack", "needle", "output");
    put("substring", "value", "offset", "length", "output");
    put("contains", "haystack", "needle", "result");
    put("strings.count", "search", "substring", "output");
    same(new String[] {"startswith", "endswith"}, "search", "base", "result");
    same(new String[] {"lower", "upper", "strings.reverse"}, "x", "y");
    put("split", "x", "delimiter", "ys");
    put("replace", "x", "old", "new", "y");
    put("strings.replace_n", "patterns", "value", "output");
    same(new String[] {"trim", "trim_left", "trim_right"}, "value", "cutset", "output");
    put("trim_prefix", "value", "prefix", "output");
    put("trim_suffix", "value", "suffix", "output");
    put("trim_space", "value", "output");
    put("sprintf", "format", "values", "output");
    put("strings.render_template", "value", "vars", "result");
    put("rand.intn", "str", "n", "y");
    put("numbers.range", "a", "b", "range");
    put("numbers.range_step", "a", "b", "step", "range");
    same(new String[] {"units.parse", "units.parse_bytes"}, "x", "y");
    put("uuid.rfc4122", "k", "output");
    put("uuid.parse", "uuid", "result");
    put("json.filter", "object", "paths", "filtered");
    put("json.remove", "object", "paths", "output");
    put("json.patch", "object", "patches", "output");
    put("object.subset", "super", "sub", "result");
    put("object.union", "a", "b", "output");
    put("object.union_n", "objects", "output");
    put("object.remove", "object", "keys", "output");
    put("object.filter", "object", "keys", "filtered");
    put("object.get", "object", "key", "default", "value");
    put("object.keys", "object", "value");
    same(
        new String[] {"json.marshal", "yaml.marshal", "json.unmarshal", "yaml.unmarshal"},
        "x",
        "y");
    put("json.marshal_with_options", "x", "opts", "y");
    same(new String[] {"json.is_valid", "yaml.is_valid", "base64.is_valid"}, "x", "result");
    same(
        new String[] {
          "base64.encode",
          "base64.decode",
          "base64url.encode",
          "base64url.encode_no_pad",
          "base64url.decode",
          "urlquery.decode",
          "urlquery.encode",
          "hex.encode",
          "hex.decode",
          "crypto.md5",
          "crypto.sha1",
          "crypto.sha256"
        },
        "x",
        "y");
    put("urlquery.encode_object", "object", "y");
    put("urlquery.decode_object", "x", "object");
    put("io.jwt.decode", "jwt", "output");
    same(
        new String[] {
          "io.jwt.verify_rs256",
          "io.jwt.verify_rs384",
          "io.jwt.verify_rs512",
          "io.jwt.verify_ps256",
          "io.jwt.verify_ps384",
          "io.jwt.verify_ps512",
          "io.jwt.verify_es256",
          "io.jwt.verify_es384",
          "io.jwt.verify_es512",
          "io.jwt.verify_eddsa"
        },
        "jwt",
        "certificate",
        "result");
    same(
        new String[] {"io.jwt.verify_hs256", "io.jwt.verify_hs384", "io.jwt.verify_hs512"},
        "jwt",
        "secret",
        "result");
    put("io.jwt.decode_verify", "jwt", "constraints", "output");
    put("io.jwt.encode_sign_raw", "headers", "payload", "key", "output");
    put("io.jwt.encode_sign", "headers", "payload", "key", "output");
    put("time.now_ns", "now");
    put("time.parse_ns", "layout", "value", "ns");
    put("time.parse_rfc3339_ns", "value", "ns");
    put("time.parse_duration_ns", "duration", "ns");
    put("time.format", "x", "formatted timestamp");
    put("time.date", "x", "date");
    put("time.clock", "x", "output");
    put("time.weekday", "x", "day");
    put("time.add_date", "ns", "years", "months", "days", "output");
    put("time.diff", "ns1", "ns2", "output");
    same(
        new String[] {
          "crypto.x509.parse_certificates", "crypto.x509.parse_and_verify_certificates"
        },
        "certs",
        "output");
    put("crypto.x509.parse_and_verify_certificates_with_options", "certs", "options", "output");
    put("crypto.x509.parse_certificate_request", "csr", "output");
    put("crypto.x509.parse_keypair", "cert", "pem", "output");
    put("crypto.x509.parse_rsa_private_key", "pem", "output");
    put("crypto.parse_private_keys", "keys", "output");
    same(
        new String[] {
          "crypto.hmac.md5", "crypto.hmac.sha1", "crypto.hmac.sha256", "crypto.hmac.sha512"
        },
        "x",
        "key",
        "y");
    put("crypto.hmac.equal", "mac1", "mac2", "result");
    put("walk", "x", "output");
    same(new String[] {"graph.reachable", "graph.reachable_paths"}, "graph", "initial", "output");
    same(
        new String[] {
          "is_number", "is_string", "is_boolean", "is_array", "is_set", "is_object", "is_null"
        },
        "x",
        "result");
    put("type_name", "x", "type");
    put("http.send", "request", "response");
    same(
        new String[] {"graphql.parse", "graphql.parse_and_verify", "graphql.is_valid"},
        "query",
        "schema",
        "output");
    put("graphql.parse_query", "query", "output");
    put("graphql.parse_schema", "schema", "output");
    put("graphql.schema_is_valid", "schema", "output");
    put("json.verify_schema", "schema", "output");
    put("json.match_schema", "document", "schema", "output");
    put("providers.aws.sign_req", "request", "aws_config", "time_ns", "signed_request");
    put("rego.parse_module", "filename", "rego", "output");
    put("rego.metadata.chain", "chain");
    put("rego.metadata.rule", "output");
    put("opa.runtime", "output");
    put("trace", "note", "result");
    put("glob.match", "pattern", "delimiters", "match", "result");
    put("glob.quote_meta", "pattern", "output");
    put("net.cidr_intersects", "cidr1", "cidr2", "result");
    put("net.cidr_expand", "cidr", "hosts");
    put("net.cidr_contains", "cidr", "cidr_or_ip", "result");
    put("net.cidr_contains_matches", "cidrs", "cidrs_or_ips", "output");
    put("net.cidr_merge", "addrs", "output");
    put("net.cidr_is_valid", "cidr", "result");
    put("net.lookup_ip_addr", "name", "addrs");
    put("semver.is_valid", "vsn", "result");
    put("semver.compare", "a", "b", "result");
  }
}
