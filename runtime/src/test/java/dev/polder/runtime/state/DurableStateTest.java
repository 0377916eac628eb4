package dev.polder.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable caches keep their entries in files under the state directory: a node alone, or every node
 * of a cluster, stopped and started again on the same directories finds them; plain shared caches
 * and a store without a directory start empty.
 */
class DurableStateTest {

  @TempDir Path dir;

  @Test
  void aNodeRestartedOnItsDirectoryFindsDurableEntriesOnly() {
    StateSettings settings = StateSettings.local().withDirectory(dir);
    try (StateStore store = StateStore.open(settings)) {
      store.<String, String>durableCache(StateStore.IDENTITY_CACHE).put("key:a", "{}");
      store.<String, Long>durableCache("polder-budgets").put("cost|t", 42L, 1, TimeUnit.DAYS);
      store.<String, Long>cache("polder-limits").put("rpm|t", 7L);
    }
    assertTrue(Files.isDirectory(dir.resolve(StateStore.IDENTITY_CACHE)));
    try (StateStore store = StateStore.open(settings)) {
      assertEquals(
          "{}", store.<String, String>durableCache(StateStore.IDENTITY_CACHE).get("key:a"));
      assertEquals(42L, store.<String, Long>durableCache("polder-budgets").get("cost|t"));
      assertNull(store.<String, Long>cache("polder-limits").get("rpm|t"));
    }
  }

  @Test
  void withoutADirectoryNothingOutlivesTheStore() throws Exception {
    try (StateStore store = StateStore.open(StateSettings.local())) {
      store.<String, String>durableCache(StateStore.IDENTITY_CACHE).put("key:a", "{}");
    }
    try (StateStore store = StateStore.open(StateSettings.local())) {
      assertNull(store.<String, String>durableCache(StateStore.IDENTITY_CACHE).get("key:a"));
    }
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aWholeClusterRestartedOnItsDirectoriesFindsTheEntries() throws Exception {
    String cluster = "polder-durable-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.pick(2);
    List<StateStore> nodes = start(cluster, ports);
    try {
      nodes.get(0).<String, Long>durableCache("polder-budgets").put("cost|t", 5L);
      // Written through node 1, kept in the files of both.
      nodes.get(1).<String, String>durableCache(StateStore.IDENTITY_CACHE).put("key:b", "{}");
    } finally {
      stop(nodes);
    }
    nodes = start(cluster, ports);
    try {
      for (StateStore node : nodes) {
        assertEquals(5L, node.<String, Long>durableCache("polder-budgets").get("cost|t"));
        assertEquals(
            "{}", node.<String, String>durableCache(StateStore.IDENTITY_CACHE).get("key:b"));
      }
    } finally {
      stop(nodes);
    }
  }

  @Test
  void aNodeRejoiningARunningClusterTakesTheClustersEntriesOverItsOwnStaleFiles() throws Exception {
    String cluster = "polder-rejoin-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.pick(2);
    List<StateStore> nodes = start(cluster, ports);
    try {
      nodes.get(0).<String, Long>durableCache("polder-budgets").put("cost|t", 5L);
      nodes.remove(1).close();
      // Spent while node 2 was away: its files still say 5.
      nodes.get(0).<String, Long>durableCache("polder-budgets").put("cost|t", 9L);
      StateStore rejoined =
          StateStore.open(
              StateSettings.loopback(cluster, ports.get(1), ports)
                  .withDirectory(dir.resolve("n1")));
      nodes.add(rejoined);
      assertEquals(9L, rejoined.<String, Long>durableCache("polder-budgets").get("cost|t"));
    } finally {
      stop(nodes);
    }
  }

  @Test
  void aDirectoryThatCannotBeUsedIsNamedInTheError() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> StateStore.open(StateSettings.local().withDirectory(file)).close());
    assertTrue(
        error.getMessage().startsWith("polder.state.directory: cannot keep state in '" + file),
        error.getMessage());
  }

  private List<StateStore> start(String cluster, List<Integer> ports) {
    List<StateStore> nodes = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      StateSettings settings =
          StateSettings.loopback(cluster, ports.get(i), ports).withDirectory(dir.resolve("n" + i));
      StateStore node = StateStore.open(settings);
      // Each node holds its copies from start-up, as the gateway's beans ask at start.
      node.durableCache(StateStore.IDENTITY_CACHE);
      node.durableCache("polder-budgets");
      nodes.add(node);
    }
    return nodes;
  }

  private static void stop(List<StateStore> nodes) {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close();
    }
  }
}
