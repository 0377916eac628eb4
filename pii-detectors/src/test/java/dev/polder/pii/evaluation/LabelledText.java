package dev.polder.pii.evaluation;

import java.util.ArrayList;
import java.util.List;

/** A text with its gold entity spans; {@code category} names the template family. */
record LabelledText(String category, String text, List<Span> gold) {

  record Span(String type, int start, int end) {
    int length() {
      return end - start;
    }
  }

  boolean clean() {
    return gold.isEmpty();
  }

  /** Appends text and labelled entities while tracking their UTF-16 offsets. */
  static final class Builder {
    private final String category;
    private final StringBuilder text = new StringBuilder();
    private final List<Span> gold = new ArrayList<>();

    Builder(String category) {
      this.category = category;
    }

    Builder text(String s) {
      text.append(s);
      return this;
    }

    Builder pii(String type, String value) {
      gold.add(new Span(type, text.length(), text.length() + value.length()));
      text.append(value);
      return this;
    }

    LabelledText build() {
      return new LabelledText(category, text.toString(), List.copyOf(gold));
    }
  }
}
