package dev.polder.runtime.decision.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where the policy bundle is and how it is evaluated ({@code polder.decision.*}). */
@ConfigMapping(prefix = "polder.decision")
public interface DecisionConfig {
  /** Drools rules and decision tables: {@code <path>/<point>/}. */
  @WithDefault("rules")
  String rulesPath();

  /** Rego policies, their tests and data.json: {@code <path>/<point>/}. */
  @WithDefault("policies")
  String policiesPath();

  /**
   * The shipped pattern to apply ({@code air-gapped}, {@code controlled-egress}); replaces {@code
   * data.polder.settings.pattern} of policies/data.json when set.
   */
  Optional<String> pattern();

  /** Time one engine may take for one decision point; a slower answer fails closed. */
  @WithDefault("500ms")
  Duration pointTimeout();

  /** Watch the folders and swap in a changed bundle once it compiles and its tests pass. */
  @WithDefault("true")
  boolean reload();

  @WithDefault("2s")
  Duration reloadInterval();

  /** How long start-up waits for the first bundle (compiling since the gateway began starting). */
  @WithDefault("3m")
  Duration startWait();
}
