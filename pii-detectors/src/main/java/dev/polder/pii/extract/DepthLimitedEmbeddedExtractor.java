package dev.polder.pii.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses embedded documents (attachments in a PDF, files in a zip, objects in a DOCX) like Tika
 * does, but refuses to go deeper than the configured nesting depth.
 */
final class DepthLimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {

  /** Thrown through Tika's SAX plumbing and unwrapped by the extractor. */
  static final class TooDeep extends SAXException {
    TooDeep(int depth) {
      super("embedded documents nested deeper than " + depth);
    }
  }

  private final int maxDepth;
  private int depth;
  private volatile boolean exceeded;

  DepthLimitedEmbeddedExtractor(ParseContext context, int maxDepth) {
    super(context);
    this.maxDepth = maxDepth;
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
      throws SAXException, IOException {
    if (depth >= maxDepth) {
      // Tika may swallow an embedded document's exception; the flag survives that.
      exceeded = true;
      throw new TooDeep(maxDepth);
    }
    depth++;
    try {
      super.parseEmbedded(stream, handler, metadata, outputHtml);
    } finally {
      depth--;
    }
  }

  boolean exceeded() {
    return exceeded;
  }
}
