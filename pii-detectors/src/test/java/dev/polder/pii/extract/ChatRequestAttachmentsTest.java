package dev.polder.pii.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatRequestAttachmentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PDF_B64 =
      Base64.getEncoder().encodeToString(Fixtures.pdf("Anna Kowalczyk"));
  private static final String PNG_B64 =
      Base64.getEncoder()
          .encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});

  @Test
  void findsEveryKindOfFilePartWithItsLocation() throws Exception {
    String request =
        """
        {"model": "gpt-4o", "messages": [
          {"role": "system", "content": "You are helpful."},
          {"role": "user", "content": [
            {"type": "text", "text": "Summarise these"},
            {"type": "file", "file": {"filename": "report.pdf", "file_data": "data:application/pdf;base64,%s"}},
            {"type": "image_url", "image_url": {"url": "data:application/pdf;base64,%s"}},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,%s"}},
            {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}
          ]},
          {"role": "user", "content": [
            {"type": "input_file", "filename": "notes.txt", "file_data": "SGVsbG8="},
            {"type": "file", "file": {"file_id": "file-abc123"}}
          ]}
        ]}
        """
            .formatted(PDF_B64, PDF_B64, PNG_B64);
    List<RequestAttachment> found = ChatRequestAttachments.find(JSON.readTree(request));
    assertEquals(4, found.size(), found::toString);
    assertAttachment(
        found.get(0), 1, 1, RequestAttachment.Kind.FILE, "application/pdf", "report.pdf");
    assertAttachment(
        found.get(1), 1, 2, RequestAttachment.Kind.IMAGE_URL_DOCUMENT, "application/pdf", null);
    assertAttachment(found.get(2), 2, 0, RequestAttachment.Kind.INPUT_FILE, null, "notes.txt");
    RequestAttachment reference = found.get(3);
    assertEquals("file-abc123", reference.reference());
    assertTrue(!reference.inline());
    assertEquals("messages[2].content[1]", reference.location());
  }

  @Test
  void aPdfLabelledAsAnImageIsStillFound() throws Exception {
    String request =
        """
        {"messages": [{"role": "user", "content": [
          {"type": "image_url", "image_url": {"url": "data:image/png;base64,%s"}}]}]}
        """
            .formatted(PDF_B64);
    List<RequestAttachment> found = ChatRequestAttachments.find(JSON.readTree(request));
    assertEquals(1, found.size());
    assertEquals(RequestAttachment.Kind.IMAGE_URL_DOCUMENT, found.get(0).kind());
  }

  @Test
  void readsTheResponsesApiInputArray() throws Exception {
    String request =
        """
        {"input": [{"role": "user", "content": [
          {"type": "input_text", "text": "read this"},
          {"type": "input_file", "filename": "a.pdf", "file_data": "data:application/pdf;base64,%s"}]}]}
        """
            .formatted(PDF_B64);
    List<RequestAttachment> found = ChatRequestAttachments.find(JSON.readTree(request));
    assertEquals(1, found.size());
    assertAttachment(
        found.get(0), 0, 1, RequestAttachment.Kind.INPUT_FILE, "application/pdf", "a.pdf");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\": \"file\", \"file\": {\"filename\": \"x.pdf\"}}",
        "{\"type\": \"file\", \"file\": {\"file_data\": 42}}",
        "{\"type\": \"input_file\", \"file_data\": \"data:application/pdf;base64\"}"
      })
  void malformedFilePartsAreRefused(String part) throws Exception {
    JsonNode request =
        JSON.readTree("{\"messages\": [{\"role\": \"user\", \"content\": [" + part + "]}]}");
    AttachmentRejectedException e =
        assertThrows(AttachmentRejectedException.class, () -> ChatRequestAttachments.find(request));
    assertEquals(RejectionReason.INVALID_ENCODING, e.reason());
  }

  @Test
  void extractedTextOfAFoundAttachmentCanBeScanned() throws Exception {
    String request =
        """
        {"messages": [{"role": "user", "content": [
          {"type": "file", "file": {"filename": "r.pdf", "file_data": "data:application/pdf;base64,%s"}}]}]}
        """
            .formatted(PDF_B64);
    RequestAttachment a = ChatRequestAttachments.find(JSON.readTree(request)).get(0);
    try (AttachmentExtractor extractor = new AttachmentExtractor(AttachmentLimits.defaults())) {
      ExtractedAttachment got =
          extractor.extract(
              a.data().decode(extractor.limits().maxDecodedBytes()),
              a.declaredMediaType(),
              a.fileName());
      assertEquals("application/pdf", got.detectedMediaType());
      assertTrue(got.text().contains("Anna Kowalczyk"));
    }
  }

  private static void assertAttachment(
      RequestAttachment a,
      int message,
      int part,
      RequestAttachment.Kind kind,
      String type,
      String name) {
    assertEquals(message, a.messageIndex(), a::toString);
    assertEquals(part, a.partIndex(), a::toString);
    assertEquals(kind, a.kind());
    assertEquals(type, a.declaredMediaType());
    assertEquals(name, a.fileName());
    assertTrue(a.inline());
  }
}
