package dev.polder.rego.builtins.net;

import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * net.lookup_ip_addr: literal addresses answer themselves; names go to the system resolver with a
 * time limit, so a policy cannot stall the gateway on DNS. Results are memoised per evaluation.
 */
final class DnsLookup {

  private DnsLookup() {}

  static final long TIMEOUT_MS = 2_000;

  private record Key(String name) {}

  private static final ExecutorService RESOLVER =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "rego-dns-lookup");
            t.setDaemon(true);
            return t;
          });

  @SuppressWarnings("unchecked")
  static TreeSet<String> lookup(BuiltinContext ctx, String name) throws BuiltinException {
    Optional<IpAddress> literal = IpAddress.parse(name);
    if (literal.isPresent()) {
      TreeSet<String> one = new TreeSet<>();
      one.add(literal.get().toString());
      return one;
    }
    Object cached = ctx.cache().get(new Key(name));
    if (cached != null) {
      return (TreeSet<String>) cached;
    }
    Future<InetAddress[]> f = RESOLVER.submit(() -> InetAddress.getAllByName(name));
    TreeSet<String> out = new TreeSet<>();
    try {
      for (InetAddress a : f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        IpAddress.parse(a.getHostAddress().replaceFirst("%.*$", ""))
            .ifPresent(ip -> out.add(ip.toString()));
      }
    } catch (TimeoutException e) {
      f.cancel(true);
      throw BuiltinException.error("lookup " + name + ": timed out");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException) {
        throw BuiltinException.error("lookup " + name + ": no such host");
      }
      throw BuiltinException.error("lookup " + name + ": " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw BuiltinException.error("lookup " + name + ": interrupted");
    }
    ctx.cache().put(new Key(name), out);
    return out;
  }
}
