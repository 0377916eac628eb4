package dev.polder.pii.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Documents built in code for the tests: nothing binary is committed. */
final class Fixtures {

  private Fixtures() {}

  static byte[] docx(String... paragraphs) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] xlsx(String[][] rows) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = book.createSheet("Customers");
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] pdf(String... lines) {
    return encryptedPdf(null, lines);
  }

  /** A PDF; with {@code userPassword} it is encrypted and cannot be opened without it. */
  static byte[] encryptedPdf(String userPassword, String... lines) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      int perPage = 45;
      for (int start = 0; start < Math.max(1, lines.length); start += perPage) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 11);
          content.setLeading(14);
          content.newLineAtOffset(50, 740);
          for (int i = start; i < Math.min(lines.length, start + perPage); i++) {
            content.showText(lines[i]);
            content.newLine();
          }
          content.endText();
        }
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy(
                "owner-" + userPassword, userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One entry of {@code megabytes} of zeros: a few KB that inflate to megabytes. */
  static byte[] zipBomb(int megabytes) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] block = new byte[1 << 20];
      for (int i = 0; i < megabytes; i++) {
        zip.write(block);
      }
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text file wrapped in {@code levels} zips, one inside the other. */
  static byte[] nestedZip(int levels, String text) {
    byte[] inner = text.getBytes(StandardCharsets.UTF_8);
    String name = "note.txt";
    for (int i = 0; i < levels; i++) {
      inner = zip(name, inner);
      name = "level" + i + ".zip";
    }
    return inner;
  }

  static byte[] zip(String name, byte[] content) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The classic: ten levels of ten entity references, a billion "lol"s when expanded. */
  static byte[] billionLaughs() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n");
    xml.append(" <!ENTITY lol \"lol\">\n");
    String previous = "lol";
    for (int i = 1; i <= 9; i++) {
      xml.append(" <!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        xml.append('&').append(previous).append(';');
      }
      xml.append("\">\n");
      previous = "lol" + i;
    }
    xml.append("]>\n<lolz>&lol9;</lolz>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }
}
