package dev.polder.runtime.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much of the prompt and answer an audit record may keep, as the access decision says. */
public enum LogMode {
  /** Prompt and answer as exchanged. */
  FULL("full"),
  /** Prompt and answer after redaction, never the original values. */
  REDACTED("redacted"),
  /** Neither prompt nor answer; only the metadata of the exchange. */
  METADATA_ONLY("metadata_only");

  private final String wireName;

  LogMode(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }
}
