package dev.polder.runtime.decision.drools;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.AccessAnswer;
import dev.polder.runtime.decision.answer.ClassifyAnswer;
import dev.polder.runtime.decision.answer.RedactAnswer;
import dev.polder.runtime.decision.answer.RouteAnswer;
import dev.polder.runtime.decision.answer.ToolAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

/**
 * Compiles the DRL files and decision tables (CSV, XLS, XLSX) of one {@code rules/<point>/} folder
 * into a KieBase at run time, and checks that the rules answer through the point's global.
 */
public final class DroolsCompiler {
  private DroolsCompiler() {}

  /** Whether the bundle path is a Drools source this compiler reads. */
  public static boolean isRuleFile(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".drl")
        || lower.endsWith(".csv")
        || lower.endsWith(".xls")
        || lower.endsWith(".xlsx");
  }

  /**
   * Compiles the files (bundle-relative path → content) of one point.
   *
   * @throws DroolsCompileException listing every error with its file and line
   */
  public static DroolsPointRules compile(DecisionPoint point, Map<String, byte[]> files) {
    if (files.isEmpty()) {
      return new DroolsPointRules(point, null, null, false, 0);
    }
    // A release id of its own: KieHelper's default one is shared, and folders compile in parallel.
    ReleaseId releaseId =
        KieServices.get()
            .newReleaseId("dev.polder.bundle", point.folder() + "-" + UUID.randomUUID(), "1");
    KieHelper helper = new KieHelper().setReleaseId(releaseId);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      helper.addResource(resource(file.getKey(), file.getValue()));
    }
    KieBase kieBase;
    KieSessionsPool sessions;
    try {
      KieContainer container = helper.getKieContainer();
      kieBase = container.getKieBase();
      // Creating a session costs more than firing the rules: reuse them (reset on dispose).
      sessions = container.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
    } catch (RuntimeException e) {
      throw new DroolsCompileException(point, List.of(cleanBuildMessage(e.getMessage())));
    } finally {
      // The KieBase keeps what it needs; the global repository must not pile up old bundles.
      KieServices.get().getRepository().removeKieModule(releaseId);
    }
    List<String> problems = new ArrayList<>();
    boolean declaresGlobal = false;
    int rules = 0;
    for (KiePackage pkg : kieBase.getKiePackages()) {
      rules += pkg.getRules().size();
      for (Global global : pkg.getGlobalVariables()) {
        if (global.getName().equals(point.droolsGlobal())
            && global.getType().equals(answerType(point).getName())) {
          declaresGlobal = true;
        } else {
          problems.add(
              "package "
                  + pkg.getName()
                  + " declares global "
                  + global.getType()
                  + " "
                  + global.getName()
                  + "; rules of "
                  + point.folder()
                  + " answer only through 'global "
                  + answerType(point).getName()
                  + " "
                  + point.droolsGlobal()
                  + "'");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new DroolsCompileException(point, problems);
    }
    return new DroolsPointRules(point, kieBase, sessions, declaresGlobal, rules);
  }

  /** The answer class whose instance is the point's global. */
  public static Class<?> answerType(DecisionPoint point) {
    return switch (point) {
      case CLASSIFY -> ClassifyAnswer.class;
      case ACCESS -> AccessAnswer.class;
      case REDACT -> RedactAnswer.class;
      case ROUTE -> RouteAnswer.class;
      case TOOL_ACCESS -> ToolAnswer.class;
    };
  }

  private static Resource resource(String path, byte[] content) {
    Resource resource = ResourceFactory.newByteArrayResource(content);
    resource.setSourcePath(RuleSources.KIE_PREFIX + path);
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".drl")) {
      resource.setResourceType(ResourceType.DRL);
    } else {
      DecisionTableConfiguration config = KnowledgeBuilderFactory.newDecisionTableConfiguration();
      config.setInputType(
          lower.endsWith(".csv") ? DecisionTableInputType.CSV : DecisionTableInputType.XLS);
      resource.setResourceType(ResourceType.DTABLE);
      resource.setConfiguration(config);
    }
    return resource;
  }

  private static final java.util.regex.Pattern KIE_MESSAGE =
      java.util.regex.Pattern.compile(
          "path=([^,]*), line=(\\d+), column=\\d+\\s+text=(.*?)\\](?=, Message|\\]\\s*$|\\]$)",
          java.util.regex.Pattern.DOTALL);

  /**
   * Turns KieBuilder's message dump into "file:line: text" lines; Drools prefixes paths with its
   * virtual source folder, but authors know only the bundle path.
   */
  static String cleanBuildMessage(String message) {
    if (message == null) {
      return "build failed";
    }
    String text = message.replace(RuleSources.KIE_PREFIX, "");
    java.util.regex.Matcher m = KIE_MESSAGE.matcher(text);
    List<String> lines = new ArrayList<>();
    while (m.find()) {
      if (!m.group(3).contains("Parser returned a null Package")) {
        lines.add(m.group(1) + ":" + m.group(2) + ": " + m.group(3).replaceAll("\\s+", " ").trim());
      }
    }
    return lines.isEmpty() ? text : String.join("; ", lines);
  }
}
