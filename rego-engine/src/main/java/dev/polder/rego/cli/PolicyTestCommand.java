package dev.polder.rego.cli;

import dev.polder.rego.compiler.RegoCompileException;
import dev.polder.rego.testing.PolicyTestRunner;
import dev.polder.rego.testing.TestResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code polder policy test <dir> [-v]}: runs the Rego tests of a folder like {@code opa test}.
 * Exit code 0 when every test passes, 1 when one fails or errors, 2 on usage or compile errors.
 */
public final class PolicyTestCommand {
  static final String USAGE = "usage: polder policy test <dir> [-v]";

  private PolicyTestCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    int i = 0;
    if (args.length > 0 && args[0].equals("test")) {
      i++;
    }
    Path dir = null;
    boolean verbose = false;
    for (; i < args.length; i++) {
      if (args[i].equals("-v") || args[i].equals("--verbose")) {
        verbose = true;
      } else if (dir == null && !args[i].startsWith("-")) {
        dir = Path.of(args[i]);
      } else {
        err.println(USAGE);
        return 2;
      }
    }
    if (dir == null) {
      err.println(USAGE);
      return 2;
    }
    if (!Files.isDirectory(dir)) {
      err.println("not a directory: " + dir);
      return 2;
    }
    List<TestResult> results;
    try {
      results = PolicyTestRunner.run(dir);
    } catch (RegoCompileException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("cannot read " + dir + ": " + e.getMessage());
      return 2;
    }
    return report(dir, results, verbose, out);
  }

  private static int report(Path dir, List<TestResult> results, boolean verbose, PrintStream out) {
    int pass = 0;
    int fail = 0;
    int error = 0;
    String lastFile = null;
    for (TestResult r : results) {
      switch (r.outcome()) {
        case PASS -> pass++;
        case FAIL -> fail++;
        case ERROR -> error++;
      }
      if (r.passed() && !verbose) {
        continue;
      }
      String file = dir.resolve(r.location().file()).toString();
      if (!file.equals(lastFile)) {
        out.println(file + ":");
        lastFile = file;
      }
      out.printf(Locale.ROOT, "%s: %s (%.3fms)%n", r.name(), r.outcome(), r.nanos() / 1_000_000.0);
      if (!r.passed()) {
        out.printf("  at %s:%d:%d%n", file, r.location().line(), r.location().col());
        if (r.error() != null) {
          out.println("  " + r.error());
        }
      }
      for (String line : r.output()) {
        out.println("  " + line);
      }
    }
    if (!results.isEmpty() && (fail + error > 0 || verbose)) {
      out.println("-".repeat(80));
    }
    int total = results.size();
    if (pass > 0) {
      out.printf("PASS: %d/%d%n", pass, total);
    }
    if (fail > 0) {
      out.printf("FAIL: %d/%d%n", fail, total);
    }
    if (error > 0) {
      out.printf("ERROR: %d/%d%n", error, total);
    }
    if (total == 0) {
      out.println("no tests found (rules named test_* in *_test.rego files)");
    }
    return fail + error > 0 ? 1 : 0;
  }
}
