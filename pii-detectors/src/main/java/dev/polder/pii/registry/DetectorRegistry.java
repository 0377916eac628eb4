package dev.polder.pii.registry;

import dev.polder.pii.detect.ConfiguredDetector;
import dev.polder.pii.detect.DetectorCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The detectors of one detectors.yaml. {@link #reload()} re-reads the file and swaps the detectors
 * atomically; if the new file is invalid it throws and the previous detectors keep serving.
 */
public final class DetectorRegistry implements DetectorCatalog {

  /** Class-path location of the default registry shipped in this module. */
  public static final String DEFAULT_RESOURCE_FOLDER = "polder/";

  public static final String DEFAULT_RESOURCE = DEFAULT_RESOURCE_FOLDER + "detectors.yaml";

  /** Detectors of one successfully loaded version of the file. */
  public record Snapshot(List<ConfiguredDetector> detectors, String contentHash) {}

  private final RegistryLoader loader;
  private final Optional<Path> file;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  private DetectorRegistry(RegistryLoader loader, Optional<Path> file, Snapshot first) {
    this.loader = loader;
    this.file = file;
    this.current.set(first);
  }

  /** Loads a registry from disk; dictionaries resolve relative to the file's folder. */
  public static DetectorRegistry fromFile(Path file, RegistryLoader loader)
      throws RegistryException {
    return new DetectorRegistry(loader, Optional.of(file), read(loader, file));
  }

  public static DetectorRegistry fromFile(Path file) throws RegistryException {
    return fromFile(file, RegistryLoader.withInstalledFactories());
  }

  /** The default registry shipped on the class path ({@value #DEFAULT_RESOURCE}). */
  public static DetectorRegistry fromClasspath(RegistryLoader loader) throws RegistryException {
    String yaml;
    try (InputStream in =
        DetectorRegistry.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new RegistryException(DEFAULT_RESOURCE + ": not found on the class path");
      }
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RegistryException(DEFAULT_RESOURCE + ": cannot read: " + e.getMessage(), e);
    }
    List<ConfiguredDetector> detectors =
        loader.load(yaml, "detectors.yaml", ResourceResolver.classpath(DEFAULT_RESOURCE_FOLDER));
    return new DetectorRegistry(loader, Optional.empty(), new Snapshot(detectors, sha256(yaml)));
  }

  public static DetectorRegistry fromClasspath() throws RegistryException {
    return fromClasspath(RegistryLoader.withInstalledFactories());
  }

  /** A registry over a text that never changes (tests, explain requests with inline YAML). */
  public static DetectorRegistry fromString(
      String yaml, String fileName, ResourceResolver resources, RegistryLoader loader)
      throws RegistryException {
    return new DetectorRegistry(
        loader,
        Optional.empty(),
        new Snapshot(loader.load(yaml, fileName, resources), sha256(yaml)));
  }

  @Override
  public List<ConfiguredDetector> enabledDetectors() {
    return current.get().detectors();
  }

  public Snapshot snapshot() {
    return current.get();
  }

  public Optional<Path> file() {
    return file;
  }

  /**
   * Re-reads the file and its dictionaries and swaps the detectors in. Returns false without doing
   * anything if the registry has no file. Throws, keeping the old detectors, when the new content
   * is invalid.
   */
  public boolean reload() throws RegistryException {
    if (file.isEmpty()) {
      return false;
    }
    current.set(read(loader, file.get()));
    return true;
  }

  private static Snapshot read(RegistryLoader loader, Path file) throws RegistryException {
    String yaml = readText(file);
    return new Snapshot(
        loader.load(
            yaml, file.getFileName().toString(), ResourceResolver.relativeTo(parentOf(file))),
        sha256(yaml));
  }

  private static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return Objects.requireNonNullElse(parent, Path.of("."));
  }

  private static String readText(Path file) throws RegistryException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RegistryException(file.getFileName() + ": cannot read: " + e, e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
