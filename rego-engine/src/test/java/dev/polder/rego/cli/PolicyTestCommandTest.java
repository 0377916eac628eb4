package dev.polder.rego.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return PolicyTestCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void passingFolderExitsZeroAndListsEveryTestWhenVerbose() {
    int code = run("test", "src/test/resources/policies", "-v");
    assertEquals(0, code, stdout() + err);
    assertTrue(
        stdout().contains("data.polder.egress_test.test_external_call_allowed: PASS"), stdout());
    assertTrue(stdout().contains("PASS: 4/4"), stdout());
  }

  @Test
  void failingTestExitsOneAndShowsItsLocation() {
    int code = run("test", "src/test/resources/policies-failing");
    assertEquals(1, code);
    assertTrue(stdout().contains("data.demo_test.test_bob_allowed: FAIL"), stdout());
    assertTrue(stdout().contains("demo_test.rego:9:1"), stdout());
    assertTrue(stdout().contains("FAIL: 1/2"), stdout());
    assertTrue(!stdout().contains("test_alice_allowed"), "passing tests are quiet without -v");
  }

  @Test
  void compileErrorExitsTwoWithFileLineAndColumn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bad_test.rego"), "package bad\n\ntest_x if {\n  x :=\n}\n");
    int code = run("test", dir.toString());
    assertEquals(2, code);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("bad_test.rego:5:1: rego_parse_error"),
        err.toString());
  }

  @Test
  void errorInTestIsReportedAsError(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("conflict_test.rego"),
        "package c\n\np := 1 if true\np := 2 if true\n\ntest_conflict if p == 1\n");
    int code = run("test", dir.toString());
    assertEquals(1, code);
    assertTrue(stdout().contains("test_conflict: ERROR"), stdout());
    assertTrue(stdout().contains("eval_conflict_error"), stdout());
  }

  @Test
  void usageErrors() {
    assertEquals(2, run());
    assertEquals(2, run("test", "does/not/exist"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: polder policy test <dir>"));
  }
}
