package dev.polder.rego.builtins.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A CIDR block: a network address (host bits cleared) and a prefix length. Immutable. */
public final class IpNetwork {

  private static final int MAX_CACHED = 10_000;
  private static final ConcurrentHashMap<String, Optional<IpNetwork>> PARSED =
      new ConcurrentHashMap<>();

  private final IpAddress network;
  private final int prefix;
  private final BigInteger last;

  private IpNetwork(IpAddress network, int prefix) {
    this.network = network;
    this.prefix = prefix;
    this.last =
        network
            .value()
            .add(BigInteger.ONE.shiftLeft(network.bits() - prefix))
            .subtract(BigInteger.ONE);
  }

  public IpAddress network() {
    return network;
  }

  public int prefix() {
    return prefix;
  }

  public int bits() {
    return network.bits();
  }

  /**
   * Parses "addr/prefix" as Go's {@code net.ParseCIDR}; the host bits are cleared. Policies pass
   * the same CIDR literals on every request, so results are kept in a bounded cache.
   */
  public static Optional<IpNetwork> parseCidr(String s) {
    Optional<IpNetwork> cached = PARSED.get(s);
    if (cached != null) {
      return cached;
    }
    Optional<IpNetwork> parsed = parseUncached(s);
    if (PARSED.size() >= MAX_CACHED) {
      PARSED.clear();
    }
    PARSED.put(s, parsed);
    return parsed;
  }

  private static Optional<IpNetwork> parseUncached(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<IpAddress> ip = IpAddress.parse(s.substring(0, slash));
    String len = s.substring(slash + 1);
    if (ip.isEmpty() || len.isEmpty() || len.length() > 3) {
      return Optional.empty();
    }
    for (int i = 0; i < len.length(); i++) {
      if (len.charAt(i) < '0' || len.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    if (len.length() > 1 && len.charAt(0) == '0') {
      return Optional.empty();
    }
    int prefix = Integer.parseInt(len);
    if (prefix > ip.get().bits()) {
      return Optional.empty();
    }
    return Optional.of(of(ip.get(), prefix));
  }

  /** The block of {@code prefix} bits that holds {@code ip}. */
  public static IpNetwork of(IpAddress ip, int prefix) {
    BigInteger mask = mask(ip.bits(), prefix);
    return new IpNetwork(new IpAddress(ip.value().and(mask), ip.bits()), prefix);
  }

  private static BigInteger mask(int bits, int prefix) {
    BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    BigInteger host = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    return all.xor(host);
  }

  public BigInteger first() {
    return network.value();
  }

  public BigInteger last() {
    return last;
  }

  public boolean contains(IpAddress ip) {
    return ip.bits() == bits()
        && ip.value().compareTo(first()) >= 0
        && ip.value().compareTo(last) <= 0;
  }

  /** True if every address of {@code other} is in this block. */
  public boolean contains(IpNetwork other) {
    return other.bits() == bits() && prefix <= other.prefix && contains(other.network);
  }

  public boolean intersects(IpNetwork other) {
    return contains(other.network) || other.contains(network);
  }

  /** Every address of the block, in order. */
  public List<IpAddress> addresses() {
    List<IpAddress> out = new ArrayList<>();
    for (BigInteger v = first(); v.compareTo(last) <= 0; v = v.add(BigInteger.ONE)) {
      out.add(new IpAddress(v, bits()));
    }
    return out;
  }

  /** Go's classful default mask for an IPv4 address without a prefix (A /8, B /16, C /24). */
  public static IpNetwork withDefaultMask(IpAddress v4) {
    int first = v4.value().shiftRight(24).intValue();
    int prefix = first < 0x80 ? 8 : first < 0xC0 ? 16 : 24;
    return of(v4, prefix);
  }

  /**
   * Merges blocks into the smallest equivalent list: contained blocks drop out and adjacent sibling
   * blocks combine. IPv4 blocks come first, each family sorted by address.
   */
  public static List<IpNetwork> merge(List<IpNetwork> blocks) {
    List<IpNetwork> result = new ArrayList<>();
    result.addAll(mergeFamily(blocks.stream().filter(b -> b.bits() == 32).toList()));
    result.addAll(mergeFamily(blocks.stream().filter(b -> b.bits() == 128).toList()));
    return result;
  }

  private static List<IpNetwork> mergeFamily(List<IpNetwork> blocks) {
    List<IpNetwork> sorted = new ArrayList<>(blocks);
    sorted.sort(Comparator.comparing(IpNetwork::first).thenComparingInt(IpNetwork::prefix));
    List<IpNetwork> stack = new ArrayList<>();
    for (IpNetwork b : sorted) {
      if (!stack.isEmpty() && stack.get(stack.size() - 1).contains(b)) {
        continue;
      }
      stack.add(b);
      // Combine the top two while they are the two halves of one larger block.
      while (stack.size() >= 2) {
        IpNetwork hi = stack.get(stack.size() - 1);
        IpNetwork lo = stack.get(stack.size() - 2);
        if (lo.prefix == hi.prefix
            && lo.prefix > 0
            && lo.last.add(BigInteger.ONE).equals(hi.first())
            && of(lo.network, lo.prefix - 1).first().equals(lo.first())) {
          stack.remove(stack.size() - 1);
          stack.set(stack.size() - 1, of(lo.network, lo.prefix - 1));
        } else {
          break;
        }
      }
    }
    return stack;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpNetwork n && n.prefix == prefix && n.network.equals(network);
  }

  @Override
  public int hashCode() {
    return Objects.hash(network, prefix);
  }

  @Override
  public String toString() {
    return network + "/" + prefix;
  }
}
