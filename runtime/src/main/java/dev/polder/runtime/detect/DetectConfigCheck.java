package dev.polder.runtime.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the types of {@link DetectConfig} cannot check; each problem names its key. */
public final class DetectConfigCheck {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|any");

  private DetectConfigCheck() {}

  public static List<String> problems(DetectConfig config) {
    List<String> problems = new ArrayList<>();
    config
        .registry()
        .map(Path::of)
        .filter(file -> !Files.isRegularFile(file))
        .ifPresent(
            file ->
                problems.add(
                    "polder.detect.registry: the detectors file "
                        + file.toAbsolutePath().normalize()
                        + " does not exist"));
    if (!LANGUAGE.matcher(config.language()).matches()) {
      problems.add(
          "polder.detect.language: must be an ISO 639-1 code such as 'en', or 'any', was '"
              + config.language()
              + "'");
    }
    DetectConfig.Attachments a = config.attachments();
    String prefix = "polder.detect.attachments.";
    positive(problems, prefix + "max-decoded-bytes", a.maxDecodedBytes());
    positive(problems, prefix + "max-extracted-chars", a.maxExtractedChars());
    positive(problems, prefix + "max-unpacked-bytes", a.maxUnpackedBytes());
    positive(problems, prefix + "max-zip-entries", a.maxZipEntries());
    positive(problems, prefix + "max-compression-ratio", a.maxCompressionRatio());
    positive(problems, prefix + "parser-threads", a.parserThreads());
    if (a.maxNestingDepth() < 0) {
      problems.add(prefix + "max-nesting-depth: must not be negative");
    }
    if (a.queueLength() < 0) {
      problems.add(prefix + "queue-length: must not be negative");
    }
    if (a.timeout().isNegative() || a.timeout().isZero()) {
      problems.add(prefix + "timeout: must be positive");
    }
    return problems;
  }

  private static void positive(List<String> problems, String key, long value) {
    if (value <= 0) {
      problems.add(key + ": must be positive, was " + value);
    }
  }
}
