package dev.polder.runtime.decision;

import dev.polder.runtime.decision.bundle.BundleCompiler;
import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.rego.PolderRegoEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;

/** A rules/ + policies/ pair in a temporary folder that a test writes file by file. */
public final class TempBundle {
  private final Path root;

  public TempBundle(Path root) {
    this.root = root;
  }

  public Path rules() {
    return root.resolve("rules");
  }

  public Path policies() {
    return root.resolve("policies");
  }

  /** Writes a file below the root, e.g. {@code rules/access/x.drl}. */
  public TempBundle write(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TempBundle delete(String path) {
    try {
      Files.deleteIfExists(root.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public BundleManager manager() {
    return new BundleManager(
        rules(),
        policies(),
        new BundleCompiler(new PolderRegoEngine(), null, ForkJoinPool.commonPool()),
        ForkJoinPool.commonPool());
  }
}
