package dev.polder.runtime.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary copy of the routes folder that the gateway under test loads and watches. */
public record RoutesCopy(Path folder) {

  public static RoutesCopy of(Path source) {
    try {
      Path folder = Files.createTempDirectory("polder-routes-");
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
          Files.copy(file, folder.resolve(file.getFileName()));
        }
      }
      return new RoutesCopy(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String read(String file) {
    try {
      return Files.readString(folder.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(String file, String content) {
    try {
      Files.writeString(folder.resolve(file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete() {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
