package dev.polder.runtime.decision.drools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DroolsCompilerMessagesTest {
  @Test
  void kieMessagesBecomeFileLineText() {
    String raw =
        "Error while creating KieBase[Message [id=1, kieBase=defaultKieBase, level=ERROR, "
            + "path=src/main/resources/rules/access/allow.drl, line=2, column=0\n"
            + "   text=[ERR 102] Line 2:21 mismatched input '<eof>' in rule \"half\"], "
            + "Message [id=2, kieBase=defaultKieBase, level=ERROR, path=src/main/resources/rules/access/allow.drl, "
            + "line=0, column=0\n   text=Parser returned a null Package]]";
    assertEquals(
        "rules/access/allow.drl:2: [ERR 102] Line 2:21 mismatched input '<eof>' in rule \"half\"",
        DroolsCompiler.cleanBuildMessage(raw));
  }
}
