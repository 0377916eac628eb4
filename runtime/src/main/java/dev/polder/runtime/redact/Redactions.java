package dev.polder.runtime.redact;

import dev.polder.pii.redact.HmacHasher;
import dev.polder.pii.redact.PseudonymRestorer;
import dev.polder.pii.redact.PseudonymVault;
import dev.polder.pii.redact.RedactionPolicy;
import dev.polder.pii.redact.RedactionStrategy;
import dev.polder.pii.redact.Redactor;
import dev.polder.runtime.decision.answer.RedactAction;
import dev.polder.runtime.decision.combine.RedactResult;
import dev.polder.runtime.state.StateStore;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The redaction tools of the gateway: HMAC key, the shared pseudonym vault, policy mapping. Made at
 * start-up, so a bad key stops start-up and the vault's cache exists before the first request.
 */
@Startup
@ApplicationScoped
public class Redactions {

  private static final Logger LOG = Logger.getLogger(Redactions.class);

  private final RedactConfig config;
  private final HmacHasher hasher;
  private final PseudonymVault vault;
  private final PseudonymRestorer restorer;

  Redactions(RedactConfig config, StateStore state) {
    java.util.List<String> problems = RedactConfigCheck.problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(String.join("\n", problems));
    }
    this.config = config;
    this.hasher = new HmacHasher(key(config));
    this.vault =
        new InfinispanPseudonymVault(
            state.cache(StateStore.PSEUDONYM_CACHE), config.pseudonymTtl());
    this.restorer = new PseudonymRestorer(vault);
  }

  private static byte[] key(RedactConfig config) {
    if (config.hashKey().isPresent()) {
      return config.hashKey().get().getBytes(StandardCharsets.UTF_8);
    }
    LOG.info(
        "polder.redact.hash-key is not set: hash tokens are stable until restart only, per node");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  public RedactConfig config() {
    return config;
  }

  public PseudonymVault vault() {
    return vault;
  }

  public PseudonymRestorer restorer() {
    return restorer;
  }

  public Redactor redactor(RedactionPolicy policy) {
    return new Redactor(policy, hasher, vault);
  }

  /** The combined redact decision as the library's policy (same five actions, same order). */
  public static RedactionPolicy policyOf(RedactResult result) {
    Map<String, RedactionStrategy> byType = new HashMap<>();
    result.actions().forEach((type, action) -> byType.put(type, strategy(action)));
    return new RedactionPolicy(byType, strategy(result.otherTypes()));
  }

  static RedactionStrategy strategy(RedactAction action) {
    return RedactionStrategy.valueOf(action.name());
  }
}
