package dev.polder.runtime.detect;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One text of a request that the detectors scan, with where it sits and how to write a redacted
 * version back into the request.
 *
 * @param where {@code prompt}, {@code attachment} or {@code tool} (as the findings summary says)
 * @param location a JSON-path-like pointer such as {@code messages[2].content[0].text}; never a
 *     value, so it may be logged and audited
 * @param text the text itself (never logged)
 * @param replace writes the redacted text in place of this one
 */
public record TextSlot(String where, String location, String text, Consumer<String> replace) {

  public static final String PROMPT = "prompt";
  public static final String ATTACHMENT = "attachment";
  public static final String TOOL = "tool";

  public TextSlot {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(replace, "replace");
  }

  @Override
  public String toString() {
    return "TextSlot[" + where + " " + location + ", " + text.length() + " chars]";
  }
}
