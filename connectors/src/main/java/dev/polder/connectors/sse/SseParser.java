package dev.polder.connectors.sse;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental Server-Sent Events parser: feed it network chunks as they arrive and it returns the
 * events completed so far. Lines end in LF or CRLF; comments and unknown fields are skipped;
 * multi-line data is joined with LF (per the HTML SSE spec). Bytes are buffered until a line ends,
 * so a UTF-8 character split across chunks decodes correctly.
 */
public final class SseParser {

  /** One dispatched event: its {@code event:} name ("message" when absent) and its data. */
  public record Event(String name, String data) {}

  private final int maxEventBytes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String eventName;
  private int pendingEventBytes;

  public SseParser(int maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  public SseParser() {
    this(16 * 1024 * 1024);
  }

  /**
   * Parses a chunk.
   *
   * @throws IllegalStateException if one event grows beyond the size limit (garbage upstream)
   */
  public List<Event> feed(Buffer chunk) {
    List<Event> events = new ArrayList<>(2);
    byte[] bytes = chunk.getBytes();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line.write(bytes, start, i - start);
        start = i + 1;
        Event event = endLine();
        if (event != null) {
          events.add(event);
        }
      }
    }
    line.write(bytes, start, bytes.length - start);
    pendingEventBytes += bytes.length - start;
    if (pendingEventBytes > maxEventBytes) {
      throw new IllegalStateException("event larger than " + maxEventBytes + " bytes");
    }
    return events;
  }

  /** Whether bytes of an unfinished event remain: at the end of the body this means truncation. */
  public boolean hasPartialEvent() {
    return line.size() > 0 || hasData;
  }

  private Event endLine() {
    byte[] raw = line.toByteArray();
    line.reset();
    int length = raw.length;
    if (length > 0 && raw[length - 1] == '\r') {
      length--;
    }
    String text = new String(raw, 0, length, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      pendingEventBytes = 0;
      return dispatch();
    }
    pendingEventBytes += raw.length;
    if (text.charAt(0) == ':') {
      return null;
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (field.equals("data")) {
      if (hasData) {
        data.append('\n');
      }
      data.append(value);
      hasData = true;
    } else if (field.equals("event")) {
      eventName = value;
    }
    return null;
  }

  private Event dispatch() {
    if (!hasData) {
      eventName = null;
      return null;
    }
    Event event = new Event(eventName == null ? "message" : eventName, data.toString());
    data.setLength(0);
    hasData = false;
    eventName = null;
    return event;
  }
}
