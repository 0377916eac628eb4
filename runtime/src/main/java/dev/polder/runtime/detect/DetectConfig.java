package dev.polder.runtime.detect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The detectors and the attachment reader of the extract and detect steps ({@code
 * polder.detect.*}).
 */
@ConfigMapping(prefix = "polder.detect")
public interface DetectConfig {

  /** A detectors.yaml of your own; without it the registry shipped in pii-detectors is used. */
  Optional<String> registry();

  /** Reload the registry file when it (or its dictionaries/ folder) changes. */
  @WithDefault("true")
  boolean reload();

  /**
   * Language of prompts for the detectors' {@code languages} filter ({@code any}: run them all).
   */
  @WithDefault("any")
  String language();

  Ner ner();

  Attachments attachments();

  /** The CoreNLP NER detector (PERSON, LOCATION, ORGANIZATION). */
  interface Ner {
    /** Off: {@code kind: ner} entries are checked but not built, and no model is loaded. */
    @WithDefault("true")
    boolean enabled();

    /** How long start-up waits for the model (loading since the gateway began starting). */
    @WithDefault("2m")
    Duration startWait();
  }

  /** Limits on reading one attachment (see pii-detectors' AttachmentLimits). */
  interface Attachments {
    @WithDefault("20971520")
    long maxDecodedBytes();

    @WithDefault("1000000")
    int maxExtractedChars();

    @WithDefault("3")
    int maxNestingDepth();

    @WithDefault("209715200")
    long maxUnpackedBytes();

    @WithDefault("10000")
    int maxZipEntries();

    @WithDefault("100")
    long maxCompressionRatio();

    @WithDefault("10s")
    Duration timeout();

    @WithDefault("2")
    int parserThreads();

    @WithDefault("16")
    int queueLength();
  }
}
