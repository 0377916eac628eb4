package dev.polder.runtime.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The name of one log file: {@code audit-<first seq, 16 digits>-<UTC start time>.jsonl}. Names sort
 * in chain order because the first sequence number is zero-padded and comes first.
 */
public record SegmentName(long firstSeq, Instant started) implements Comparable<SegmentName> {
  private static final Pattern PATTERN =
      Pattern.compile("audit-(\\d{16})-(\\d{8}T\\d{6}Z)\\.jsonl");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public SegmentName {
    started = started.truncatedTo(ChronoUnit.SECONDS);
  }

  public static Optional<SegmentName> parse(Path file) {
    Matcher m = PATTERN.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return Optional.empty();
    }
    Instant started = TIME.parse(m.group(2), Instant::from);
    return Optional.of(new SegmentName(Long.parseLong(m.group(1)), started));
  }

  /** The log files in a directory, in chain order; other files are ignored. */
  public static List<Path> listIn(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> parse(file).isPresent() && Files.isRegularFile(file))
          .sorted(Comparator.comparing(file -> parse(file).orElseThrow()))
          .toList();
    }
  }

  public String fileName() {
    return String.format("audit-%016d-%s.jsonl", firstSeq, TIME.format(started));
  }

  @Override
  public int compareTo(SegmentName other) {
    return Long.compare(firstSeq, other.firstSeq);
  }
}
