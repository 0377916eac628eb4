package dev.polder.runtime.decision;

import dev.polder.runtime.decision.input.Backend;
import dev.polder.runtime.decision.input.Classification;
import dev.polder.runtime.decision.input.DecisionInput;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.decision.input.Level;
import dev.polder.runtime.decision.input.Principal;
import dev.polder.runtime.decision.input.Request;
import dev.polder.runtime.decision.input.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds decision inputs for tests: a typical attributable request unless told otherwise. */
public final class TestInputs {
  private String principalId = "svc-helpdesk";
  private String kind = "service";
  private String environment = "production";
  private List<String> roles = List.of("developer");
  private final List<FindingSummary> findings = new ArrayList<>();
  private final List<Tool> tools = new ArrayList<>();
  private final List<String> mediaTypes = new ArrayList<>();
  private Level level = Level.PUBLIC;
  private Integer maxTokens = 4096;
  private final List<Backend> candidates =
      new ArrayList<>(
          List.of(
              new Backend("vllm-local", "vllm", "internal"),
              new Backend("openai", "openai", "external")));

  public static TestInputs request() {
    return new TestInputs();
  }

  public TestInputs principal(String id, String kind) {
    this.principalId = id;
    this.kind = kind;
    return this;
  }

  public TestInputs environment(String environment) {
    this.environment = environment;
    return this;
  }

  public TestInputs roles(String... roles) {
    this.roles = List.of(roles);
    return this;
  }

  public TestInputs finding(String type, int count, double score, String... where) {
    findings.add(
        new FindingSummary(
            type, count, score, Set.of(where.length == 0 ? new String[] {"prompt"} : where)));
    return this;
  }

  public TestInputs tool(String name, String... arguments) {
    tools.add(new Tool(name, "filesystem", List.of(arguments)));
    return this;
  }

  public TestInputs attachment(String mediaType) {
    mediaTypes.add(mediaType);
    return this;
  }

  public TestInputs classified(Level level) {
    this.level = level;
    return this;
  }

  public TestInputs maxTokens(Integer maxTokens) {
    this.maxTokens = maxTokens;
    return this;
  }

  public TestInputs candidates(Backend... backends) {
    candidates.clear();
    candidates.addAll(List.of(backends));
    return this;
  }

  public DecisionInput build() {
    return new DecisionInput(
        new Request(
            "req-1",
            "chat.completions",
            "assistant",
            false,
            maxTokens,
            tools,
            mediaTypes,
            Map.of("x-polder-purpose", "support")),
        new Principal(principalId, kind, "support", roles, environment, "10.1.2.3"),
        findings,
        new Classification(level, Set.of()),
        candidates);
  }
}
