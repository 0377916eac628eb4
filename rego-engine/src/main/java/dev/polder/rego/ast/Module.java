package dev.polder.rego.ast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A parsed file: package path (without {@code data}), imports, rules. */
public record Module(
    String file,
    List<String> packagePath,
    List<Import> imports,
    List<Rule> rules,
    JsonNode packageAnnotations) {
  public Module {
    packagePath = List.copyOf(packagePath);
    imports = List.copyOf(imports);
    rules = List.copyOf(rules);
  }

  /** {@code import data.a.b as c}: path includes the root ({@code data}/{@code input}). */
  public record Import(List<String> path, String alias, Location loc) {
    public Import {
      path = List.copyOf(path);
    }

    /** The name the import binds: its alias, or the last path element. */
    public String name() {
      return alias != null ? alias : path.get(path.size() - 1);
    }
  }
}
