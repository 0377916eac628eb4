package dev.polder.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameDictionaryTest {

  @Test
  void bundledDictionariesCoverManyScripts() {
    NameDictionary d = NameDictionary.bundled();
    for (String name :
        new String[] {"Anna", "Ольга", "Άγγελος", "محمد", "דוד", "王", "佐藤", "김", "शर्मा"}) {
      assertTrue(d.isName(name), name);
    }
    assertTrue(d.size() > 50_000, "size " + d.size());
  }

  @Test
  void namesThatAreEverydayWordsAreMarkedAmbiguous() {
    NameDictionary d = NameDictionary.bundled();
    assertTrue((d.flags("will") & NameDictionary.AMBIGUOUS) != 0);
    assertEquals(0, d.flags("anna") & NameDictionary.AMBIGUOUS);
    assertFalse(d.isName("Friday"), "listed as never a name");
  }

  @Test
  void builderReadsFilesSkippingCommentsAndNormalising() {
    NameDictionary d =
        NameDictionary.builder()
            .add("# source: test\nZoë\n\n  Ödön  \n", NameDictionary.Kind.GIVEN)
            .add("Kovács\n", NameDictionary.Kind.SURNAME)
            .add("zoë\n", NameDictionary.Kind.COMMON_WORD)
            .build();
    assertTrue(d.isName("ZOË"));
    assertTrue(d.isName("ödön"));
    assertEquals(NameDictionary.SURNAME, d.flags("kovács"));
    assertTrue((d.flags("zoë") & NameDictionary.AMBIGUOUS) != 0);
    assertFalse(d.isName("# source: test"));
  }

  @Test
  void findsCjkSurnamesAtTheStartOfARun() {
    NameDictionary d = NameDictionary.bundled();
    assertEquals(1, d.cjkSurnameAt("王秀英", 0));
    assertEquals(2, d.cjkSurnameAt("欧阳娜娜", 0));
    assertEquals(0, d.cjkSurnameAt("请把", 0));
  }
}
