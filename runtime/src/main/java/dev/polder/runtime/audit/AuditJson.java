package dev.polder.runtime.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The canonical JSON form of audit lines. Its own mapper (not the application's) so that no global
 * setting can change the bytes that are hashed: fields in declared order, map keys sorted, times as
 * ISO-8601 strings, decimals in plain notation, no whitespace, nulls written.
 */
public final class AuditJson {
  /** Version of the line layout, written as the first field {@code v}. */
  public static final int LAYOUT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private AuditJson() {}

  /** The record's fields as canonical JSON object bytes, without the chain fields. */
  public static byte[] recordBytes(AuditRecord record) {
    try {
      return MAPPER.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "audit record " + record.requestId() + " cannot be written as JSON: " + e.getMessage(),
          e);
    }
  }

  /**
   * A full audit line (without its newline): the chain fields first, then the record's fields.
   * {@code recordBytes} must be a JSON object as {@link #recordBytes} returns it.
   */
  public static byte[] line(long seq, String prevHash, byte[] recordBytes) {
    byte[] head =
        ("{\"v\":" + LAYOUT_VERSION + ",\"seq\":" + seq + ",\"prev\":\"" + prevHash + "\"")
            .getBytes(StandardCharsets.US_ASCII);
    boolean emptyRecord = recordBytes.length == 2; // "{}"
    byte[] line = new byte[head.length + recordBytes.length - (emptyRecord ? 1 : 0)];
    System.arraycopy(head, 0, line, 0, head.length);
    int at = head.length;
    if (!emptyRecord) {
      line[at++] = ',';
    }
    // the record's bytes without their opening brace
    System.arraycopy(recordBytes, 1, line, at, recordBytes.length - 1);
    return line;
  }

  /** Reads the record part of an audit line back (the chain fields are skipped). */
  public static AuditRecord parseRecord(byte[] line) throws IOException {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(line);
    tree.remove("v");
    tree.remove("seq");
    tree.remove("prev");
    return MAPPER.treeToValue(tree, AuditRecord.class);
  }

  /**
   * Reads the chain fields of a line and checks that the whole line is one well-formed JSON object.
   *
   * @throws MalformedLineException naming what is wrong
   */
  public static ChainFields chainFields(byte[] line) throws MalformedLineException {
    try (JsonParser parser = MAPPER.getFactory().createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedLineException("not a JSON object");
      }
      Integer version = null;
      Long seq = null;
      String prev = null;
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "v" -> version = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
          case "seq" -> seq = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
          case "prev" -> prev = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          default -> parser.skipChildren();
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new MalformedLineException("not a single JSON object");
      }
      if (version == null || version != LAYOUT_VERSION) {
        throw new MalformedLineException("missing or unknown layout version \"v\"");
      }
      if (seq == null || seq < 1) {
        throw new MalformedLineException("missing or invalid \"seq\"");
      }
      if (prev == null || !ChainHash.isHash(prev)) {
        throw new MalformedLineException("missing or invalid \"prev\"");
      }
      return new ChainFields(seq, prev);
    } catch (JsonProcessingException e) {
      throw new MalformedLineException("invalid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new MalformedLineException("unreadable (" + e.getMessage() + ")");
    }
  }

  /** The chain fields every line starts with. */
  public record ChainFields(long seq, String prev) {}

  /** A line that is not an audit record. */
  public static final class MalformedLineException extends Exception {
    public MalformedLineException(String message) {
      super(message);
    }
  }
}
