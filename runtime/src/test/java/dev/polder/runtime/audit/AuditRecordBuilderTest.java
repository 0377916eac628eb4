package dev.polder.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditRecordBuilderTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "FULL,          Pay DE89370400440532013000, Done for DE89370400440532013000",
        "REDACTED,      Pay <IBAN_1>,               Done for <IBAN_1>",
        "METADATA_ONLY, -,                          -"
      })
  void keepsOnlyWhatTheLogModeAllows(LogMode mode, String prompt, String answer) {
    AuditRecord record =
        AuditRecordBuilder.request("req-1", "/v1/chat/completions")
            .content(
                mode,
                "Pay DE89370400440532013000",
                "Pay <IBAN_1>",
                "Done for DE89370400440532013000",
                "Done for <IBAN_1>")
            .build();

    assertEquals(mode, record.logMode());
    assertEquals(prompt, record.prompt());
    assertEquals(answer, record.answer());
  }

  @Test
  void buildsTheSameRecordAsTheCanonicalConstructor() {
    AuditRecord expected = TestRecords.record("req-7");
    AuditRecord built =
        AuditRecordBuilder.request("req-7", "/v1/chat/completions")
            .time(Instant.parse("2026-01-01T12:00:00.123456Z"))
            .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
            .principal("svc:billing-bot")
            .route("chat-default", "vllm-internal", false)
            .classification("confidential")
            .findings(Map.of("IBAN", 1))
            .finding("EMAIL", 1)
            .finding("EMAIL", 1)
            .decision(expected.decision())
            .redaction("IBAN", "mask", 1)
            .redaction("EMAIL", "pseudonymize", 2)
            .usage(412, 128, new BigDecimal("0.000540"))
            .outcome(200, null, 231)
            .content(LogMode.REDACTED, "original", "Pay <IBAN_1> and mail <EMAIL_1>", "x", "Done.")
            .build();

    assertEquals(expected, built);
    assertEquals(List.of(), AuditRecordBuilder.request("r", "/mcp").build().redactions());
  }
}
