package dev.polder.runtime.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary copy of {@code rules/} and {@code policies/} that the gateway under test loads, so a
 * spec can add a policy, reload and remove it again without touching the repository's files.
 */
public record BundleCopy(Path root) {

  public static BundleCopy of(Path rules, Path policies) {
    try {
      Path root = Files.createTempDirectory("polder-bundle-");
      copyTree(rules, root.resolve("rules"));
      copyTree(policies, root.resolve("policies"));
      return new BundleCopy(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path rules() {
    return root.resolve("rules");
  }

  public Path policies() {
    return root.resolve("policies");
  }

  /** Writes a file of the bundle, e.g. {@code policies/access/extra.rego}. */
  public void write(String path, String content) {
    try {
      Path file = resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void remove(String path) {
    try {
      Files.deleteIfExists(resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path resolve(String path) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(rules()) && !file.startsWith(policies())) {
      throw new IllegalArgumentException(path + " is not below rules/ or policies/");
    }
    return file;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  void delete() {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
