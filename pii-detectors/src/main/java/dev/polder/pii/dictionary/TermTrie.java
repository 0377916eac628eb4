package dev.polder.pii.dictionary;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Character trie of dictionary terms. Matching walks it from each word start, so the cost is linear
 * in the text times the longest term, whatever the number of terms.
 */
final class TermTrie {

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>(4);
    boolean terminal;
  }

  private final Node root = new Node();
  private final boolean caseSensitive;
  private int size;

  TermTrie(boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
  }

  void add(String term) {
    Node node = root;
    String normalized = normalize(term);
    for (int i = 0; i < normalized.length(); i++) {
      node = node.next.computeIfAbsent(normalized.charAt(i), c -> new Node());
    }
    if (!node.terminal) {
      node.terminal = true;
      size++;
    }
  }

  int size() {
    return size;
  }

  String normalize(String s) {
    return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
  }

  /**
   * End (exclusive) of the longest term starting at {@code start} of the already normalised {@code
   * text} that ends on a word boundary, or -1.
   */
  int longestMatchEnd(String text, int start) {
    Node node = root;
    int best = -1;
    for (int i = start; i < text.length(); i++) {
      node = node.next.get(text.charAt(i));
      if (node == null) {
        break;
      }
      if (node.terminal && (i + 1 == text.length() || !isWordChar(text.charAt(i + 1)))) {
        best = i + 1;
      }
    }
    return best;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
