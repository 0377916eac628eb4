package dev.polder.pii.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataUrlTest {

  @ParameterizedTest
  @CsvSource({
    "'data:application/pdf;base64,SGVsbG8=', application/pdf, true",
    "'data:text/plain;charset=utf-8;base64,SGVsbG8=', text/plain, true",
    "'DATA:Application/PDF;BASE64,SGVsbG8=', application/pdf, true",
    "'data:;base64,SGVsbG8=', , true",
    "'data:text/plain,Hello', text/plain, false",
  })
  void parsesTheHeader(String url, String mediaType, boolean base64) throws Exception {
    DataUrl parsed = DataUrl.parse(url);
    assertEquals(mediaType, parsed.mediaType());
    assertEquals(base64, parsed.base64());
    assertArrayEquals("Hello".getBytes(StandardCharsets.UTF_8), parsed.decode(100));
  }

  @Test
  void bareBase64IsAccepted() throws Exception {
    DataUrl parsed = DataUrl.parse("SGVsbG8=");
    assertNull(parsed.mediaType());
    assertArrayEquals("Hello".getBytes(StandardCharsets.UTF_8), parsed.decode(100));
  }

  @Test
  void oversizedDataIsRefusedBeforeDecoding() throws Exception {
    String big = Base64.getEncoder().encodeToString(new byte[3000]);
    DataUrl parsed = DataUrl.parse("data:application/pdf;base64," + big);
    AttachmentRejectedException e =
        assertThrows(AttachmentRejectedException.class, () -> parsed.decode(1000));
    assertEquals(RejectionReason.TOO_LARGE, e.reason());
    assertEquals(3000, parsed.decode(3000).length);
  }

  @Test
  void invalidBase64AndMissingCommaAreRefused() throws Exception {
    AttachmentRejectedException bad =
        assertThrows(
            AttachmentRejectedException.class,
            () -> DataUrl.parse("data:application/pdf;base64,@@@!").decode(100));
    assertEquals(RejectionReason.INVALID_ENCODING, bad.reason());
    AttachmentRejectedException noComma =
        assertThrows(
            AttachmentRejectedException.class, () -> DataUrl.parse("data:application/pdf;base64"));
    assertEquals(RejectionReason.INVALID_ENCODING, noComma.reason());
  }

  @Test
  void toStringNeverShowsThePayload() throws Exception {
    String s = DataUrl.parse("data:text/plain;base64,U2VjcmV0IGRhdGE=").toString();
    assertFalse(s.contains("U2VjcmV0"), s);
    assertTrue(s.contains("text/plain"), s);
  }
}
