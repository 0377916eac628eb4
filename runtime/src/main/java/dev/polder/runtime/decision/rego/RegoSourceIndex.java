package dev.polder.runtime.decision.rego;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule of each package is defined, with its {@code # METADATA} title and description:
 * the decision trace names these files, and deny reasons shown to callers come from the
 * descriptions. Read from the source text (rule heads start at column 0 in formatted Rego).
 */
public final class RegoSourceIndex {
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)");
  private static final Pattern RULE_HEAD =
      Pattern.compile("^(?:default\\s+)?([a-zA-Z_]\\w*)\\s*(?:contains\\b|if\\b|:=|=|\\[|\\{|\\()");
  private static final Pattern METADATA_FIELD =
      Pattern.compile("^#\\s{0,3}(title|description):\\s*(.*)$");
  private static final java.util.Set<String> KEYWORDS =
      java.util.Set.of("package", "import", "default", "not", "some", "every", "with", "else");

  /** One definition of a rule. */
  public record RuleSource(String file, int line, String title, String description) {}

  private final Map<String, List<RuleSource>> byPath = new HashMap<>();
  private final java.util.Set<String> packages = new java.util.TreeSet<>();

  public RegoSourceIndex(Map<String, String> modules) {
    modules.forEach(this::index);
  }

  /** Packages declared by the modules. */
  public java.util.Set<String> packages() {
    return java.util.Collections.unmodifiableSet(packages);
  }

  /** Definitions of {@code data.<package>.<rule>}; empty when none. */
  public List<RuleSource> definitions(String packageName, String rule) {
    return byPath.getOrDefault(packageName + "." + rule, List.of());
  }

  private void index(String file, String source) {
    String pkg = null;
    String title = null;
    String description = null;
    boolean inMetadata = false;
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      Matcher p = PACKAGE.matcher(line);
      if (p.find()) {
        pkg = p.group(1);
        packages.add(pkg);
        continue;
      }
      if (line.equals("# METADATA")) {
        inMetadata = true;
        title = null;
        description = null;
        continue;
      }
      if (line.startsWith("#")) {
        Matcher field = METADATA_FIELD.matcher(line);
        if (inMetadata && field.find()) {
          if (field.group(1).equals("title")) {
            title = unquote(field.group(2));
          } else {
            description = unquote(field.group(2));
          }
        }
        continue;
      }
      inMetadata = false;
      Matcher head = RULE_HEAD.matcher(line);
      if (pkg != null && head.find() && !KEYWORDS.contains(head.group(1))) {
        byPath
            .computeIfAbsent(pkg + "." + head.group(1), k -> new ArrayList<>())
            .add(new RuleSource(file, i + 1, title, description));
      }
      if (!line.isBlank()) {
        title = null;
        description = null;
      }
    }
  }

  private static String unquote(String text) {
    String t = text.trim();
    if (t.length() >= 2
        && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
