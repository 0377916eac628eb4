package dev.polder.pii.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads files named by a registry entry (dictionaries), relative to the registry file. */
@FunctionalInterface
public interface ResourceResolver {

  /** Text of the resource at {@code relativePath}, UTF-8. */
  String read(String relativePath) throws IOException;

  static ResourceResolver relativeTo(Path directory) {
    return relative -> Files.readString(directory.resolve(relative), StandardCharsets.UTF_8);
  }

  /** Resolves against a class-path folder such as {@code polder/}. */
  static ResourceResolver classpath(String folder) {
    return relative -> {
      String name = folder + relative;
      try (var in = ResourceResolver.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new NoSuchFileException(name, null, "class-path resource not found");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    };
  }
}
