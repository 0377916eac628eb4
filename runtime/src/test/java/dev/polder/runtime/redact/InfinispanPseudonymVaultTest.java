package dev.polder.runtime.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vault on a real (local) Infinispan cache. */
class InfinispanPseudonymVaultTest {

  private static DefaultCacheManager manager;
  private static InfinispanPseudonymVault vault;

  @BeforeAll
  static void start() {
    manager = new DefaultCacheManager();
    manager.defineConfiguration("v", new ConfigurationBuilder().build());
    vault = new InfinispanPseudonymVault(manager.getCache("v"), Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() {
    manager.stop();
  }

  @Test
  void consistentWithinAConversationNumberedPerType() {
    assertEquals("<PERSON_1>", vault.pseudonymFor("c1", "PERSON", "Maria Garcia"));
    assertEquals("<PERSON_2>", vault.pseudonymFor("c1", "PERSON", "Jan de Vries"));
    assertEquals("<PERSON_1>", vault.pseudonymFor("c1", "PERSON", "Maria Garcia"));
    assertEquals("<EMAIL_ADDRESS_1>", vault.pseudonymFor("c1", "EMAIL_ADDRESS", "m@example.org"));
    assertEquals(Optional.of("Jan de Vries"), vault.originalOf("c1", "<PERSON_2>"));
  }

  @Test
  void conversationsAreSeparate() {
    assertEquals("<PERSON_1>", vault.pseudonymFor("c2", "PERSON", "Ada"));
    assertEquals("<PERSON_1>", vault.pseudonymFor("c3", "PERSON", "Grace"));
    assertEquals(Optional.of("Ada"), vault.originalOf("c2", "<PERSON_1>"));
    assertEquals(Optional.of("Grace"), vault.originalOf("c3", "<PERSON_1>"));
    vault.forget("c2");
    assertEquals(Optional.empty(), vault.originalOf("c2", "<PERSON_1>"));
    assertEquals(Optional.of("Grace"), vault.originalOf("c3", "<PERSON_1>"));
  }

  @Test
  void racingThreadsAgreeOnOnePseudonymPerValue() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String value = "name-" + (i % 10);
        results.add(pool.submit(() -> vault.pseudonymFor("race", "PERSON", value)));
      }
      Set<String> distinct = ConcurrentHashMap.newKeySet();
      for (Future<String> f : results) {
        distinct.add(f.get());
      }
      assertEquals(10, distinct.size(), distinct::toString);
      for (String pseudonym : distinct) {
        assertTrue(vault.originalOf("race", pseudonym).isPresent(), pseudonym);
      }
      assertNotEquals(
          vault.pseudonymFor("race", "PERSON", "name-1"),
          vault.pseudonymFor("race", "PERSON", "name-2"));
    } finally {
      pool.shutdownNow();
    }
  }
}
