package dev.polder.pii.ner;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The Stanford CoreNLP CRF classifier for PERSON, LOCATION and ORGANIZATION, called directly (no
 * pipeline: no POS, lemma, SUTime or numeric classifiers), loaded once and shared by all threads.
 *
 * <p>Loading takes seconds and about 120 MB of heap, so it never happens on the request path: the
 * runtime calls {@link #load()} (or {@link #loadAsync(Executor)}) at start-up. Until then {@link
 * #tag(String)} throws {@link NerNotReadyException} instead of returning nothing.
 */
public final class CrfNerModel {

  /** The model the build unpacks from the CoreNLP models jar into the module's classes. */
  public static final String DEFAULT_MODEL_RESOURCE =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  /** CRF spans carry no calibrated probability; this is the score a CRF-only span gets. */
  static final double CRF_SCORE = 0.85;

  private static final String WARM_UP_TEXT =
      "Dear Mr. John Smith, the meeting with Acme Corporation in Boston moved to Friday. "
          + "Regards, Maria Garcia (Lisbon office of the United Nations).";

  private final String modelResource;
  private final Object loadLock = new Object();
  private volatile NerModelState state = NerModelState.NOT_LOADED;
  private volatile CRFClassifier<CoreLabel> classifier;
  private volatile Throwable failure;
  private volatile long loadMillis = -1;

  public CrfNerModel() {
    this(DEFAULT_MODEL_RESOURCE);
  }

  public CrfNerModel(String modelResource) {
    this.modelResource = Objects.requireNonNull(modelResource, "modelResource");
  }

  public NerModelState state() {
    return state;
  }

  /** Milliseconds the last successful load (with warm-up) took, or -1 before one. */
  public long loadMillis() {
    return loadMillis;
  }

  /**
   * Loads and warms up the model on the calling thread; returns at once when it is already loaded.
   * Concurrent callers wait for the one load. A failed load is retried by the next call.
   *
   * @throws NerNotReadyException with state {@link NerModelState#FAILED} when it cannot be loaded
   */
  public void load() {
    if (state == NerModelState.READY) {
      return;
    }
    synchronized (loadLock) {
      if (state == NerModelState.READY) {
        return;
      }
      state = NerModelState.LOADING;
      long started = System.nanoTime();
      try {
        CRFClassifier<CoreLabel> loaded = CRFClassifier.getClassifier(modelResource, properties());
        for (int i = 0; i < 3; i++) {
          loaded.classifyToCharacterOffsets(WARM_UP_TEXT);
        }
        classifier = loaded;
        failure = null;
        loadMillis = (System.nanoTime() - started) / 1_000_000;
        state = NerModelState.READY;
      } catch (Exception | LinkageError e) {
        failure = e;
        state = NerModelState.FAILED;
        throw new NerNotReadyException(NerModelState.FAILED, e);
      }
    }
  }

  /** Starts {@link #load()} on {@code executor}; the future completes when the model is ready. */
  public CompletableFuture<Void> loadAsync(Executor executor) {
    return CompletableFuture.runAsync(this::load, executor);
  }

  /**
   * Entity spans in {@code text}, in text order.
   *
   * @throws NerNotReadyException when the model is not loaded
   */
  public List<EntitySpan> tag(String text) {
    CRFClassifier<CoreLabel> loaded = classifier;
    if (loaded == null) {
      throw new NerNotReadyException(state, failure);
    }
    List<EntitySpan> spans = new ArrayList<>();
    // Long texts (extracted attachments) go in chunks cut at whitespace, so memory per call stays
    // bounded; a name cut by a chunk boundary is rare because cuts prefer line and sentence ends.
    int from = 0;
    while (from < text.length()) {
      int to = chunkEnd(text, from);
      String chunk = text.substring(from, to);
      for (Triple<String, Integer, Integer> t : loaded.classifyToCharacterOffsets(chunk)) {
        NerEntityType type = NerEntityType.fromCoreNlpLabel(t.first());
        if (type != null && t.third() > t.second()) {
          spans.add(new EntitySpan(type, from + t.second(), from + t.third(), CRF_SCORE));
        }
      }
      from = to;
    }
    return spans;
  }

  /** Characters the CRF sees at once. */
  static final int CHUNK_CHARS = 8_192;

  /** End of the chunk starting at {@code from}: a newline, else a sentence end, else a space. */
  static int chunkEnd(String text, int from) {
    int limit = from + CHUNK_CHARS;
    if (limit >= text.length()) {
      return text.length();
    }
    int floor = from + CHUNK_CHARS / 2;
    int newline = text.lastIndexOf('\n', limit);
    if (newline >= floor) {
      return newline + 1;
    }
    for (int i = limit; i >= floor; i--) {
      char ch = text.charAt(i);
      if ((ch == '.' || ch == '!' || ch == '?')
          && i + 1 < text.length()
          && Character.isWhitespace(text.charAt(i + 1))) {
        return i + 1;
      }
    }
    for (int i = limit; i >= floor; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return limit;
  }

  private static Properties properties() {
    Properties props = new Properties();
    // Untokenizable characters (emoji, control characters) are skipped silently instead of
    // being logged for every request.
    props.setProperty("tokenizerOptions", "untokenizable=noneKeep");
    return props;
  }
}
