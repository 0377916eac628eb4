package dev.polder.runtime.decision.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bytes of {@code rules/} and {@code policies/} read at one moment, keyed by bundle path
 * ({@code rules/access/x.drl}), with the content hash that identifies the bundle in traces and
 * audit records. Compiling from the snapshot guarantees that the hash names exactly what was
 * compiled.
 */
public record BundleSnapshot(Map<String, byte[]> files, String hash) {
  public static final String RULES = "rules";
  public static final String POLICIES = "policies";

  public static BundleSnapshot read(Path rulesDir, Path policiesDir) {
    Map<String, byte[]> files = new TreeMap<>();
    readInto(files, RULES, rulesDir);
    readInto(files, POLICIES, policiesDir);
    return new BundleSnapshot(files, hash(files));
  }

  /** Cheap change detection: path, size and modification time of every file. */
  public static String fingerprint(Path rulesDir, Path policiesDir) {
    StringBuilder out = new StringBuilder();
    for (Path dir : List.of(rulesDir, policiesDir)) {
      for (Path file : list(dir)) {
        try {
          out.append(file)
              .append('|')
              .append(Files.size(file))
              .append('|')
              .append(Files.getLastModifiedTime(file).toMillis())
              .append('\n');
        } catch (IOException e) {
          out.append(file).append("|gone\n");
        }
      }
    }
    return out.toString();
  }

  public String text(String path) {
    return new String(files.get(path), StandardCharsets.UTF_8);
  }

  /** The first 12 hex digits, as shown in headers and logs. */
  public String shortHash() {
    return hash.substring(0, 12);
  }

  private static void readInto(Map<String, byte[]> files, String prefix, Path dir) {
    for (Path file : list(dir)) {
      String relative = dir.relativize(file).toString().replace('\\', '/');
      try {
        files.put(prefix + "/" + relative, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Regular files, sorted, leaving out hidden files and editor back-ups. */
  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> out = new ArrayList<>();
      walk.filter(Files::isRegularFile)
          .filter(p -> !isHiddenOrBackup(dir.relativize(p)))
          .sorted()
          .forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean isHiddenOrBackup(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.endsWith("~") || name.startsWith("#")) {
        return true;
      }
    }
    return false;
  }

  private static String hash(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(file.getValue());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
