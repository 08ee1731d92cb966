package org.flowcrm.crm.inbox;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Reads a MIME message into a {@link ParsedMail}; no CRM logic. */
final class MailParser {

  /** A nested attached mail inside an attached mail is kept as an attachment, not parsed on. */
  private static final int MAX_DEPTH = 2;

  private MailParser() {}

  static ParsedMail parse(MimeMessage message) throws MessagingException, IOException {
    return parse(message, 1);
  }

  private static ParsedMail parse(MimeMessage message, int depth)
      throws MessagingException, IOException {
    InternetAddress from = firstAddress(message.getFrom());
    List<String> to = new ArrayList<>();
    Address[] recipients = message.getRecipients(Message.RecipientType.TO);
    if (recipients != null) {
      for (Address a : recipients) {
        to.add(a.toString());
      }
    }
    Body body = new Body();
    collect(message, body, depth);
    String text = body.plain != null ? body.plain : body.html != null ? htmlToText(body.html) : "";
    Instant sentAt = message.getSentDate() == null ? null : message.getSentDate().toInstant();
    String subject = message.getSubject() == null ? "" : message.getSubject().strip();
    String messageId = message.getMessageID();
    if (messageId == null || messageId.isBlank()) {
      // no Message-ID (rare, but allowed): the same sender, date and subject is the same mail
      messageId =
          "sha256:"
              + sha256(
                  (from == null ? "" : from.getAddress())
                      + "|"
                      + sentAt
                      + "|"
                      + subject
                      + "|"
                      + text.length());
    }
    return new ParsedMail(
        messageId.strip(),
        from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
        from == null ? null : from.getPersonal(),
        to,
        subject,
        sentAt,
        text.strip(),
        body.attachments,
        body.attachedMail);
  }

  /**
   * A plain-text version of an HTML body: scripts, styles and markup go, line breaks of paragraphs,
   * breaks and list items stay. The timeline shows text, so nothing of the HTML can run there.
   */
  static String htmlToText(String html) {
    Document document = Jsoup.parse(html);
    document.select("script, style, head").remove();
    document.outputSettings().prettyPrint(false);
    document.select("br").after("\\n");
    document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote").before("\\n");
    String marked = document.body() == null ? "" : document.body().html().replace("\\n", "\n");
    StringBuilder out = new StringBuilder();
    for (String line : marked.split("\n", -1)) {
      String text = Jsoup.parse(line).text().strip();
      if (!text.isEmpty() || (out.length() > 0 && out.charAt(out.length() - 1) != '\n')) {
        out.append(text).append('\n');
      }
    }
    return out.toString().replaceAll("\n{3,}", "\n\n").strip();
  }

  private static final class Body {
    String plain;
    String html;
    final List<ParsedMail.Attachment> attachments = new ArrayList<>();
    ParsedMail attachedMail;
  }

  private static void collect(Part part, Body body, int depth)
      throws MessagingException, IOException {
    String disposition = part.getDisposition();
    String fileName = decode(part.getFileName());
    boolean attachment =
        Part.ATTACHMENT.equalsIgnoreCase(disposition)
            || (fileName != null && !part.isMimeType("multipart/*"));
    if (part.isMimeType("message/rfc822")) {
      Object content = part.getContent();
      if (content instanceof MimeMessage nested && depth < MAX_DEPTH) {
        if (body.attachedMail == null) {
          body.attachedMail = parse(nested, depth + 1);
        }
        return;
      }
      body.attachments.add(
          new ParsedMail.Attachment(
              fileName == null ? "message.eml" : fileName, "message/rfc822", bytes(part)));
      return;
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, body, depth);
      }
      return;
    }
    if (!attachment && part.isMimeType("text/plain") && body.plain == null) {
      body.plain = text(part);
      return;
    }
    if (!attachment && part.isMimeType("text/html") && body.html == null) {
      body.html = text(part);
      return;
    }
    String type = baseType(part.getContentType());
    body.attachments.add(
        new ParsedMail.Attachment(fileName == null ? "attachment" : fileName, type, bytes(part)));
  }

  private static String text(Part part) throws MessagingException, IOException {
    try {
      Object content = part.getContent();
      if (content instanceof String s) {
        return s;
      }
    } catch (java.io.UnsupportedEncodingException unknownCharset) {
      // a charset Java does not know: the text read as UTF-8 beats losing the mail
    }
    return new String(bytes(part), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static String baseType(String contentType) {
    if (contentType == null) {
      return "application/octet-stream";
    }
    try {
      return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException e) {
      return "application/octet-stream";
    }
  }

  private static String decode(String fileName) {
    if (fileName == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(fileName);
    } catch (java.io.UnsupportedEncodingException e) {
      return fileName;
    }
  }

  private static InternetAddress firstAddress(Address[] addresses) {
    if (addresses == null) {
      return null;
    }
    for (Address a : addresses) {
      if (a instanceof InternetAddress internet && internet.getAddress() != null) {
        return internet;
      }
    }
    return null;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
