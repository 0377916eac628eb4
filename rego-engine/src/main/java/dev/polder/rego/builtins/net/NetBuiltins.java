package dev.polder.rego.builtins.net;

import static dev.polder.rego.builtins.operands.Operands.string;
import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;
import static dev.polder.rego.types.Types.setOf;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** net.cidr_* built-ins for IPv4 and IPv6 (no name resolution: the gateway is air-gapped). */
public final class NetBuiltins {

  private NetBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(Builtin.of("net.cidr_contains", fn(B, S, S), NetBuiltins::contains));
    r.register(
        Builtin.of(
            "net.cidr_intersects",
            fn(B, S, S),
            (c, a) -> BooleanValue.of(cidr(string(a, 1)).intersects(cidr(string(a, 2))))));
    r.register(
        Builtin.of(
            "net.cidr_is_valid",
            fn(B, A),
            (c, a) ->
                BooleanValue.of(
                    a.get(0) instanceof StringValue s
                        && IpNetwork.parseCidr(s.value()).isPresent())));
    r.register(Builtin.of("net.cidr_expand", fn(setOf(S), S), NetBuiltins::expand));
    r.register(
        Builtin.of(
            "net.cidr_merge", fn(setOf(S), anyOf(arrayOf(S), setOf(S))), NetBuiltins::merge));
    r.register(
        Builtin.nondeterministic(
            "net.lookup_ip_addr",
            fn(setOf(S), S),
            (c, a) -> {
              SetValue.Builder b = SetValue.builder();
              for (String ip : DnsLookup.lookup(c, string(a, 1))) {
                b.add(StringValue.of(ip));
              }
              return b.build();
            }));
    r.register(
        Builtin.of("net.cidr_contains_matches", fn(setOf(arrayOf(A)), A, A), NetBuiltins::matches));
  }

  private static IpNetwork cidr(String s) throws BuiltinException {
    return IpNetwork.parseCidr(s)
        .orElseThrow(() -> BuiltinException.error("invalid CIDR address: " + s));
  }

  private static boolean containsCidrOrIp(IpNetwork net, String other) throws BuiltinException {
    Optional<IpAddress> ip = IpAddress.parse(other);
    if (ip.isPresent()) {
      return net.contains(ip.get());
    }
    return net.contains(cidr(other));
  }

  private static Value contains(BuiltinContext c, List<Value> a) throws BuiltinException {
    return BooleanValue.of(containsCidrOrIp(cidr(string(a, 1)), string(a, 2)));
  }

  private static Value expand(BuiltinContext c, List<Value> a) throws BuiltinException {
    IpNetwork net = cidr(string(a, 1));
    BigInteger size = net.last().subtract(net.first()).add(BigInteger.ONE);
    if (size.compareTo(BigInteger.valueOf(c.limits().maxOutputElements())) > 0) {
      throw BuiltinException.error(
          "CIDR " + string(a, 1) + " has " + size + " addresses, more than the output limit");
    }
    SetValue.Builder b = SetValue.builder();
    for (IpAddress ip : net.addresses()) {
      b.add(StringValue.of(ip.toString()));
    }
    return b.build();
  }

  private static Value merge(BuiltinContext c, List<Value> a) throws BuiltinException {
    List<IpNetwork> blocks = new ArrayList<>();
    for (Value v : Operands.elements(a.get(0))) {
      if (!(v instanceof StringValue s)) {
        throw BuiltinException.typeError(
            "operand 1 must be one of {array, set} of strings but got element " + v.typeName());
      }
      String text = s.value();
      Optional<IpNetwork> net = IpNetwork.parseCidr(text);
      if (net.isPresent()) {
        blocks.add(net.get());
        continue;
      }
      Optional<IpAddress> ip = IpAddress.parse(text);
      if (ip.isEmpty()) {
        throw BuiltinException.error("invalid CIDR address: " + text);
      }
      if (!ip.get().isV4()) {
        throw BuiltinException.error("IPv6 invalid: needs prefix length");
      }
      blocks.add(IpNetwork.withDefaultMask(ip.get()));
    }
    SetValue.Builder b = SetValue.builder();
    for (IpNetwork n : IpNetwork.merge(blocks)) {
      b.add(StringValue.of(n.toString()));
    }
    return b.build();
  }

  /** A CIDR/IP of operand {@code pos} with its key, as net.cidr_contains_matches pairs them. */
  private record Keyed(String address, Value key) {}

  private static Value matches(BuiltinContext c, List<Value> a) throws BuiltinException {
    List<Keyed> cidrs = keyed(a.get(0), 1);
    List<Keyed> targets = keyed(a.get(1), 2);
    SetValue.Builder result = SetValue.builder();
    for (Keyed cidr : cidrs) {
      IpNetwork net = cidr(cidr.address);
      for (Keyed t : targets) {
        if (containsCidrOrIp(net, t.address)) {
          result.add(ArrayValue.of(cidr.key, t.key));
        }
      }
    }
    return result.build();
  }

  private static List<Keyed> keyed(Value operand, int pos) throws BuiltinException {
    List<Keyed> out = new ArrayList<>();
    if (operand instanceof StringValue s) {
      out.add(new Keyed(s.value(), s));
    } else if (operand instanceof ArrayValue arr) {
      for (int i = 0; i < arr.size(); i++) {
        out.add(new Keyed(address(arr.get(i), pos), Value.of(i)));
      }
    } else if (operand instanceof SetValue set) {
      for (Value v : set) {
        out.add(new Keyed(address(v, pos), v));
      }
    } else if (operand instanceof ObjectValue o) {
      for (Value k : o.sortedKeys()) {
        out.add(new Keyed(address(o.get(k), pos), k));
      }
    } else {
      throw BuiltinException.operandType(pos, "one of {string, array, set, object}", operand);
    }
    return out;
  }

  private static String address(Value element, int pos) throws BuiltinException {
    if (element instanceof StringValue s) {
      return s.value();
    }
    if (element instanceof ArrayValue arr
        && !arr.isEmpty()
        && arr.get(0) instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.error("operand " + pos + ": element must be string or non-empty array");
  }
}
