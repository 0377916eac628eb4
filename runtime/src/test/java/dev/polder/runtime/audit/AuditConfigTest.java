package dev.polder.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AuditConfigTest {
  static final Path DIR = Path.of("audit");

  static Stream<Arguments> invalidSettings() {
    AuditConfig ok = AuditConfig.of(DIR, FsyncPolicy.BATCH);
    return Stream.of(
        Arguments.of(
            (Supplier<AuditConfig>) () -> ok.withMaxFileBytes(100),
            "polder.audit.max-file-size must be at least 4096 bytes, was 100"),
        Arguments.of(
            (Supplier<AuditConfig>) () -> ok.withMaxFileAge(Duration.ZERO),
            "polder.audit.max-file-age must be a positive duration, was PT0S"),
        Arguments.of(
            (Supplier<AuditConfig>) () -> ok.withBatchWindow(Duration.ofSeconds(2)),
            "polder.audit.batch-window must be between 0 and 1s, was PT2S"),
        Arguments.of(
            (Supplier<AuditConfig>) () -> ok.withBatchWindow(Duration.ofMillis(-1)),
            "polder.audit.batch-window must be between 0 and 1s, was PT-0.001S"),
        Arguments.of(
            (Supplier<AuditConfig>)
                () ->
                    new AuditConfig(
                        DIR, 4096, Duration.ofHours(1), FsyncPolicy.NONE, Duration.ZERO, 0),
            "polder.audit.queue-capacity must be at least 1, was 0"));
  }

  @ParameterizedTest
  @MethodSource("invalidSettings")
  void invalidSettingsAreNamed(Supplier<AuditConfig> config, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, config::get).getMessage());
  }

  @ParameterizedTest
  @CsvSource({"always,ALWAYS", "BATCH,BATCH", " none ,NONE"})
  void parsesFsyncPolicies(String text, FsyncPolicy policy) {
    assertEquals(policy, FsyncPolicy.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"sometimes", "''"})
  void rejectsUnknownFsyncPolicies(String text) {
    assertEquals(
        "polder.audit.fsync: expected always, batch or none, was '" + text + "'",
        assertThrows(IllegalArgumentException.class, () -> FsyncPolicy.parse(text)).getMessage());
  }
}
