package dev.polder.pii.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverlapResolverTest {

  /** "TYPE:start-end:score[:v]" → finding; v marks validated. */
  static Finding parse(String spec) {
    String[] p = spec.trim().split(":");
    String[] span = p[1].split("-");
    return new Finding(
        p[0],
        Integer.parseInt(span[0]),
        Integer.parseInt(span[1]),
        Double.parseDouble(p[2]),
        p[0].toLowerCase(),
        p.length > 3 && p[3].equals("v"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          A:0-10:0.6 ; B:5-15:0.9                  | B:5-15:0.9
          A:0-10:0.6:v ; B:5-15:0.9                | A:0-10:0.6:v
          A:0-10:0.8 ; B:0-20:0.8                  | B:0-20:0.8
          A:0-10:0.8 ; B:10-20:0.7                 | A:0-10:0.8 ; B:10-20:0.7
          A:0-30:0.7 ; B:0-5:0.9 ; C:6-12:0.9      | B:0-5:0.9 ; C:6-12:0.9
          A:0-10:0.8 ; B:0-10:0.8                  | A:0-10:0.8
          """)
  void resolvesByValidationScoreLength(String input, String expected) {
    List<Finding> in = Arrays.stream(input.split(";")).map(OverlapResolverTest::parse).toList();
    List<Finding> want =
        Arrays.stream(expected.split(";")).map(OverlapResolverTest::parse).toList();
    assertEquals(want, OverlapResolver.resolve(in));
    // Deterministic whatever the input order.
    Random random = new Random(7);
    for (int i = 0; i < 5; i++) {
      List<Finding> shuffled = new ArrayList<>(in);
      Collections.shuffle(shuffled, random);
      assertEquals(want, OverlapResolver.resolve(shuffled));
    }
  }
}
