package dev.polder.pii.stream;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.redact.RedactionResult;
import dev.polder.pii.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Redacts a streamed answer incrementally. Text deltas go in; what comes out is safe to emit. The
 * last {@code windowChars} characters are held back (and never cut inside a word or a finding), so
 * an entity split across two SSE chunks is seen whole before any of it leaves. Detection re-runs on
 * the held text plus some already emitted text as left context, so context words still count.
 *
 * <p>Not thread-safe: one instance per stream. The hold-back costs time to first token: nothing is
 * emitted before {@code windowChars * 5 / 4} characters have arrived; detection runs once per
 * quarter window of new text.
 */
public final class StreamingRedactor {

  public static final int DEFAULT_WINDOW_CHARS = 64;

  /** A word longer than this is cut anyway, so a stream without spaces cannot grow memory. */
  public static final int MAX_HOLD_CHARS = 16 * 1024;

  private final DetectionEngine engine;
  private final DetectionContext ctx;
  private final Redactor redactor;
  private final String conversationId;
  private final int windowChars;
  private final StringBuilder pending = new StringBuilder();
  private String emittedTail = "";
  private boolean finished;

  public StreamingRedactor(
      DetectionEngine engine,
      DetectionContext ctx,
      Redactor redactor,
      String conversationId,
      int windowChars) {
    if (windowChars < 1) {
      throw new IllegalArgumentException("window must be at least 1 character, got " + windowChars);
    }
    this.engine = Objects.requireNonNull(engine, "engine");
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.conversationId = Objects.requireNonNull(conversationId, "conversationId");
    this.windowChars = windowChars;
  }

  public int windowChars() {
    return windowChars;
  }

  /** Characters received but not yet emitted. */
  public int heldChars() {
    return pending.length();
  }

  /**
   * Adds a delta; returns the redacted text that may be emitted now (often empty).
   *
   * @throws BlockedContentException when an entity whose strategy is block appears
   */
  public String feed(String delta) {
    if (finished) {
      throw new IllegalStateException("feed after flush");
    }
    pending.append(delta);
    // Detect once per quarter window of new text, not per delta: a 4-char token stream would
    // otherwise re-scan the whole window for every token.
    if (pending.length() <= windowChars + windowChars / 4) {
      return "";
    }
    return emit(false);
  }

  /** Ends the stream: returns the rest, redacted. */
  public String flush() {
    if (finished) {
      return "";
    }
    finished = true;
    return pending.length() == 0 ? "" : emit(true);
  }

  private String emit(boolean all) {
    String text = emittedTail + pending;
    int base = emittedTail.length();
    List<Finding> findings = engine.detect(text, ctx);
    int cut = all ? text.length() : safeCut(text, base, findings);
    if (cut <= base) {
      return "";
    }
    List<Finding> emitted = new ArrayList<>();
    for (Finding f : findings) {
      if (f.end() <= base || f.start() >= cut) {
        continue;
      }
      // A finding reaching back into emitted text (an entity longer than the window) is redacted
      // from the first character not yet sent.
      int start = Math.max(f.start(), base);
      emitted.add(
          new Finding(
              f.type(), start - base, f.end() - base, f.score(), f.detector(), f.validated()));
    }
    String segment = text.substring(base, cut);
    RedactionResult result = redactor.redact(segment, emitted, conversationId);
    if (result.blocked()) {
      finished = true;
      throw new BlockedContentException(result.blockedTypes());
    }
    emittedTail = text.substring(Math.max(0, cut - windowChars), cut);
    pending.setLength(0);
    pending.append(text, cut, text.length());
    return result.text();
  }

  /**
   * Emits up to {@code windowChars} before the end, moved back so it does not split a finding or a
   * word (a partly arrived token may be the start of an entity).
   */
  private int safeCut(String text, int base, List<Finding> findings) {
    int cut = text.length() - windowChars;
    boolean moved = true;
    while (moved && cut > base) {
      moved = false;
      for (Finding f : findings) {
        if (f.start() < cut && cut < f.end()) {
          cut = f.start();
          moved = true;
        }
      }
      int wordStart = cut;
      while (wordStart > base
          && !Character.isWhitespace(text.charAt(wordStart - 1))
          && !Character.isWhitespace(text.charAt(wordStart))) {
        wordStart--;
      }
      if (wordStart != cut) {
        cut = wordStart;
        moved = true;
      }
    }
    if (cut <= base && text.length() - base > MAX_HOLD_CHARS) {
      return text.length() - windowChars;
    }
    return cut;
  }
}
