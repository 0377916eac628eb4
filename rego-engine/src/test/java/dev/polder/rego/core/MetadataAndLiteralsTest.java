package dev.polder.rego.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.rego.EvalOptions;
import dev.polder.rego.PreparedPolicy;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.compiler.RegoCompileException;
import dev.polder.rego.eval.RegoEvalException;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code # METADATA} and rego.metadata.*, rego.parse_module, and large literals. */
class MetadataAndLiteralsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PreparedPolicy compile(String... filesAndSources) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < filesAndSources.length; i += 2) {
      m.put(filesAndSources[i], filesAndSources[i + 1]);
    }
    return PreparedPolicy.compile(m, ObjectValue.EMPTY, BuiltinRegistry.standard());
  }

  private static Value json(String s) throws Exception {
    return Value.fromJson(JSON.readTree(s));
  }

  @Test
  void chainListsRuleDocumentPackageAndSubpackagesScopes() throws Exception {
    PreparedPolicy p =
        compile(
            "root.rego",
            """
            # METADATA
            # scope: subpackages
            # organizations: [Polder]
            package a
            """,
            "b.rego",
            """
            # METADATA
            # title: package b
            package a.b

            # METADATA
            # entrypoint: true
            # related_resources:
            # - https://example.com/egress
            # - ref: https://example.com/doc
            #   description: the doc
            allow := x if {
              x := rego.metadata.chain()
            }

            # METADATA
            # title: the rule

            # (a blank line and a comment between block and rule: still attached)
            meta := rego.metadata.rule()
            """);
    assertEquals(
        json(
            """
            [{"path": ["a", "b", "allow"]},
             {"path": ["a", "b", "allow"],
              "annotations": {"scope": "document", "entrypoint": true,
                "related_resources": [{"ref": "https://example.com/egress"},
                  {"ref": "https://example.com/doc", "description": "the doc"}]}},
             {"path": ["a", "b"], "annotations": {"scope": "package", "title": "package b"}},
             {"path": ["a"], "annotations": {"scope": "subpackages", "organizations": ["Polder"]}}]
            """),
        p.evaluate("a/b/allow", null, EvalOptions.DEFAULT));
    assertEquals(
        json("{\"scope\": \"rule\", \"title\": \"the rule\"}"),
        p.evaluate("a/b/meta", null, EvalOptions.DEFAULT));
  }

  @Test
  void ruleWithoutAnnotationsGetsAnEmptyObjectAndAuthorsAreParsed() throws Exception {
    PreparedPolicy p =
        compile(
            "t.rego",
            """
            package t

            none := rego.metadata.rule()

            # METADATA
            # authors:
            # - Jane Doe <jane@example.com>
            # - name: Max
            some_rule := rego.metadata.rule()
            """);
    assertEquals(ObjectValue.EMPTY, p.evaluate("t/none", null, EvalOptions.DEFAULT));
    assertEquals(
        json(
            """
            {"scope": "rule", "authors": [{"name": "Jane Doe", "email": "jane@example.com"},
              {"name": "Max"}]}
            """),
        p.evaluate("t/some_rule", null, EvalOptions.DEFAULT));
  }

  @Test
  void metadataOutsideARuleAndMisplacedScopesAreErrors() {
    PreparedPolicy p = compile("t.rego", "package t\n");
    RegoEvalException e =
        assertThrows(
            RegoEvalException.class,
            () ->
                p.queryValues(
                    "x := rego.metadata.chain()", null, EvalOptions.DEFAULT.withStrict(true)));
    assertTrue(e.getMessage().contains("must only be called within the scope of a rule"));

    RegoCompileException c =
        assertThrows(
            RegoCompileException.class,
            () -> compile("t.rego", "# METADATA\n# scope: rule\npackage t\n"));
    assertTrue(
        c.getMessage().contains("annotation scope 'rule' must be applied to rule (have package)"),
        c.getMessage());
    c =
        assertThrows(
            RegoCompileException.class,
            () -> compile("t.rego", "package t\n# METADATA\n# scope: everywhere\np := 1\n"));
    assertTrue(c.getMessage().contains("invalid annotation scope 'everywhere'"), c.getMessage());
  }

  @Test
  void parseModuleReturnsTheAstAndParseErrorsAsBuiltinErrors() throws Exception {
    PreparedPolicy p =
        compile(
            "t.rego",
            """
            package t
            pkg := m["package"].path[2].value if m := rego.parse_module("x.rego", input.src)
            rule := m.rules[0].head.name if m := rego.parse_module("x.rego", input.src)
            """);
    Value in = json("{\"src\": \"package a.b\\n\\nallow if input.x == 1\\n\"}");
    assertEquals(Value.of("b"), p.evaluate("t/pkg", in, EvalOptions.DEFAULT));
    assertEquals(Value.of("allow"), p.evaluate("t/rule", in, EvalOptions.DEFAULT));
    RegoEvalException e =
        assertThrows(
            RegoEvalException.class,
            () ->
                p.evaluate(
                    "t/pkg",
                    json("{\"src\": \"package a.\"}"),
                    EvalOptions.DEFAULT.withStrict(true)));
    assertTrue(e.getMessage().contains("rego_parse_error"), e.getMessage());
  }

  /** A literal with many non-constant elements must not need a stack frame per element. */
  @Test
  void largeLiteralsEvaluateOnASmallStack() throws Exception {
    StringBuilder src = new StringBuilder("package t\nxs := [");
    for (int i = 0; i < 20_000; i++) {
      src.append(i == 0 ? "" : ", ").append("input.a");
    }
    src.append("]\nn := count(xs)\n");
    PreparedPolicy p = compile("t.rego", src.toString());
    AtomicReference<Object> out = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                out.set(p.evaluate("t/n", json("{\"a\": 1}"), EvalOptions.DEFAULT));
              } catch (Throwable ex) {
                out.set(ex);
              }
            },
            "small-stack",
            256 * 1024);
    t.start();
    t.join();
    assertEquals(Value.of(20_000), out.get());
  }
}
