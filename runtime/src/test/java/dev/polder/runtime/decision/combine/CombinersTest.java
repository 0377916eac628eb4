package dev.polder.runtime.decision.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.runtime.decision.answer.AccessAnswer;
import dev.polder.runtime.decision.answer.ClassifyAnswer;
import dev.polder.runtime.decision.answer.LogMode;
import dev.polder.runtime.decision.answer.RedactAction;
import dev.polder.runtime.decision.answer.RedactAnswer;
import dev.polder.runtime.decision.answer.RouteAnswer;
import dev.polder.runtime.decision.answer.ToolAnswer;
import dev.polder.runtime.decision.input.Backend;
import dev.polder.runtime.decision.input.Classification;
import dev.polder.runtime.decision.input.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The combining rules of DESIGN.md as tables. Each engine's answer is written as a short string:
 * {@code -} = abstains, {@code !} = failed.
 */
class CombinersTest {

  // classify: "level[+label...]"
  @ParameterizedTest(name = "so far {0}; drools {1}; rego {2} → {3} {4}")
  @CsvSource({
    "public,       internal,            confidential+pii, confidential, pii",
    "public,       restricted+secret,   internal,         restricted,   secret",
    "confidential, internal,            -,                confidential, ''",
    "public,       -,                   public+a,         public,       a",
    "public,       internal+a,          internal+b,       internal,     a b",
    "public,       -,                   -,                restricted,   ''",
    "public,       !,                   internal,         restricted,   policy-error",
  })
  void classify(String soFar, String drools, String rego, String level, String labels) {
    PointOutcome<Classification> out =
        ClassifyCombiner.combine(
            new Classification(Level.parse(soFar), Set.of()),
            List.of(classifyAnswer("drools", drools), classifyAnswer("rego", rego)));
    assertEquals(Level.parse(level), out.result().level());
    assertEquals(words(labels), out.result().getLabels());
  }

  // access: allow|deny:reason|-|!, then egress true|false|-, then log mode or -
  @ParameterizedTest(name = "drools {0}/{1}/{2}; rego {3}/{4}/{5} → allowed {6} egress {7} log {8}")
  @CsvSource({
    "allow,     true,  full,     allow,     true,  -,        true,  true,  full",
    "allow,     true,  full,     allow,     false, metadata, true,  false, metadata",
    "deny:nope, true,  -,        allow,     true,  -,        false, false, metadata",
    "-,         -,     redacted, allow,     true,  full,     true,  true,  redacted",
    "-,         -,     -,        allow,     -,     -,        true,  false, metadata",
    "-,         -,     -,        -,         -,     -,        false, false, metadata",
    "!,         -,     -,        allow,     true,  full,     false, false, metadata",
    "allow,     true,  full,     !,         -,     -,        false, false, metadata",
  })
  void access(
      String dAllow,
      String dEgress,
      String dLog,
      String rAllow,
      String rEgress,
      String rLog,
      boolean allowed,
      boolean egress,
      String log) {
    PointOutcome<AccessResult> out =
        AccessCombiner.combine(
            List.of(
                accessAnswer("drools", dAllow, dEgress, dLog),
                accessAnswer("rego", rAllow, rEgress, rLog)));
    assertEquals(allowed, out.result().allowed(), out.result()::toString);
    assertEquals(egress, out.result().egress());
    assertEquals(LogMode.parse(log), out.result().logMode());
  }

  // redact: "TYPE=action ..." per engine; expected action for EMAIL and for other types
  @ParameterizedTest(name = "drools [{0}] rego [{1}] → EMAIL {2}, others {3}")
  @CsvSource({
    "EMAIL=mask,          EMAIL=pseudonymize, pseudonymize, block",
    "EMAIL=block,         *=keep,             block,        keep",
    "*=hash,              *=mask,             hash,         hash",
    "EMAIL=keep,          -,                  keep,         block",
    "-,                   -,                  block,        block",
    "!,                   EMAIL=keep *=keep,  block,        block",
    "EMAIL=hash,          EMAIL=mask,         hash,         block",
  })
  void redact(String drools, String rego, String email, String others) {
    PointOutcome<RedactResult> out =
        RedactCombiner.combine(
            List.of("EMAIL"), List.of(redactAnswer("drools", drools), redactAnswer("rego", rego)));
    assertEquals(RedactAction.parse(email), out.result().actionFor("EMAIL"));
    assertEquals(RedactAction.parse(others), out.result().actionFor("PHONE"));
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        // drools allowed, rego allowed, drools cap, rego cap, egress → backends, cap
        Arguments.of("a b c", "b c", 100, 50, true, "b c", 50),
        Arguments.of("-", "a c", null, 200, true, "a c", 200),
        Arguments.of("-", "a c", null, null, false, "a", null),
        Arguments.of("a", "c", null, null, true, "", null),
        Arguments.of("-", "-", null, null, true, "", null),
        Arguments.of("!", "a b c", null, null, true, "", null),
        Arguments.of("a b c x", "-", 10, null, true, "a b c", 10));
  }

  @ParameterizedTest(name = "[{0}] ∩ [{1}], caps {2}/{3}, egress {4} → [{5}] cap {6}")
  @MethodSource("routes")
  void route(
      String drools,
      String rego,
      Integer dCap,
      Integer rCap,
      boolean egress,
      String backends,
      Integer cap) {
    List<Backend> candidates =
        List.of(
            new Backend("a", "vllm", "internal"),
            new Backend("b", "tgi", "internal"),
            new Backend("c", "openai", "external"));
    PointOutcome<RouteResult> out =
        RouteCombiner.combine(
            candidates,
            List.of(routeAnswer("drools", drools, dCap), routeAnswer("rego", rego, rCap)),
            egress);
    assertEquals(
        backends.isBlank() ? List.of() : List.of(backends.split(" ")),
        out.result().allowedBackends());
    assertEquals(cap, out.result().maxTokens());
  }

  // tool-access: "+tool" allow, "-tool" deny, per engine; expected allowed tools
  @ParameterizedTest(name = "drools [{0}] rego [{1}] → allowed [{2}]")
  @CsvSource({
    "+read,        +read +write, read write",
    "-write,       +read +write, read",
    "'',           '',           ''",
    "+read,        -read,        ''",
    "!,            +read +write, ''",
  })
  void tools(String drools, String rego, String allowed) {
    PointOutcome<java.util.Map<String, ToolVerdict>> out =
        ToolAccessCombiner.combine(
            List.of("read", "write", "exec"),
            List.of(toolAnswer("drools", drools), toolAnswer("rego", rego)));
    Set<String> actual = new java.util.TreeSet<>();
    out.result()
        .forEach(
            (tool, verdict) -> {
              if (verdict.allowed()) {
                actual.add(tool);
              }
            });
    assertEquals(new java.util.TreeSet<>(words(allowed)), actual);
  }

  @org.junit.jupiter.api.Test
  void toolConstraintsOfBothEnginesApply() {
    ToolAnswer drools = new ToolAnswer("drools");
    drools.allow("read");
    drools.constrainPattern("read", "path", "^/srv/");
    ToolAnswer rego = new ToolAnswer("rego");
    rego.constrain("read", "path", "maxLength", 200);
    ToolVerdict verdict =
        ToolAccessCombiner.combine(List.of("read"), List.of(drools, rego)).result().get("read");
    assertEquals(
        List.of(java.util.Map.of("pattern", "^/srv/"), java.util.Map.of("maxLength", 200)),
        verdict.constraints().get("path"));
  }

  private static Set<String> words(String text) {
    return text == null || text.isBlank() ? Set.of() : Set.of(text.trim().split("\\s+"));
  }

  private static ClassifyAnswer classifyAnswer(String engine, String spec) {
    ClassifyAnswer a = new ClassifyAnswer(engine);
    if (spec.equals("!")) {
      a.fail("boom");
    } else if (!spec.equals("-")) {
      String[] parts = spec.split("\\+");
      a.level(parts[0]);
      Arrays.stream(parts).skip(1).forEach(a::label);
    }
    return a;
  }

  private static AccessAnswer accessAnswer(String engine, String allow, String egress, String log) {
    AccessAnswer a = new AccessAnswer(engine);
    if (allow.equals("!")) {
      a.fail("boom");
      return a;
    }
    if (allow.equals("allow")) {
      a.allow();
    } else if (allow.startsWith("deny:")) {
      a.deny(allow.substring(5));
    }
    if (!egress.equals("-")) {
      a.egress(Boolean.parseBoolean(egress));
    }
    if (!log.equals("-")) {
      a.logMode(log);
    }
    return a;
  }

  private static RedactAnswer redactAnswer(String engine, String spec) {
    RedactAnswer a = new RedactAnswer(engine);
    if (spec.equals("!")) {
      a.fail("boom");
    } else if (!spec.equals("-")) {
      for (String pair : spec.split("\\s+")) {
        String[] kv = pair.split("=");
        a.action(kv[0], kv[1]);
      }
    }
    return a;
  }

  private static RouteAnswer routeAnswer(String engine, String allowed, Integer cap) {
    RouteAnswer a = new RouteAnswer(engine);
    if (allowed.equals("!")) {
      a.fail("boom");
      return a;
    }
    if (!allowed.equals("-")) {
      for (String name : allowed.split(" ")) {
        a.allow(name);
      }
    }
    if (cap != null) {
      a.maxTokens(cap);
    }
    return a;
  }

  private static ToolAnswer toolAnswer(String engine, String spec) {
    ToolAnswer a = new ToolAnswer(engine);
    if (spec.equals("!")) {
      a.fail("boom");
      return a;
    }
    List<String> items = new ArrayList<>(words(spec));
    for (String item : items) {
      if (item.startsWith("+")) {
        a.allow(item.substring(1));
      } else {
        a.deny(item.substring(1), "no");
      }
    }
    return a;
  }
}
