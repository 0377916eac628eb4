package dev.polder.runtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamePatternsTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "*, anything, true",
    "*, '', true",
    "gpt-4o, gpt-4o, true",
    "gpt-4o, gpt-4o-mini, false",
    "gpt-*, gpt-4o-mini, true",
    "gpt-*, llama, false",
    "files.read_*, files.read_text, true",
    "files.read_*, files.write_text, false",
    "*.read_*, git.read_log, true",
    "*.read_*, git.write, false",
    "a*b*c, axxbyyc, true",
    "a*b*c, axxbyy, false",
    "keys:*, keys:create, true",
    "keys:*, config:read, false",
  })
  void globs(String pattern, String name, boolean expected) {
    assertEquals(expected, NamePatterns.matches(pattern, name));
  }
}
