package org.flowcrm.ui.admin;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the embedded mail catcher (GreenMail) received, read for the mailbox page. A mail to two
 * recipients lands in two of GreenMail's mailboxes; it is shown once, by its Message-ID.
 */
final class CaughtMails {

  /** One caught mail: the HTML body and the text body, each when the mail has one. */
  public record CaughtMail(
      String id,
      String from,
      String to,
      String subject,
      Instant sentAt,
      String text,
      String html,
      List<String> attachments) {}

  private CaughtMails() {}

  /** Newest first. */
  static List<CaughtMail> list(GreenMail catcher) {
    Map<String, CaughtMail> byId = new LinkedHashMap<>();
    MimeMessage[] received = catcher.getReceivedMessages();
    for (int i = 0; i < received.length; i++) {
      CaughtMail mail = read(received[i], i);
      byId.putIfAbsent(mail.id(), mail);
    }
    List<CaughtMail> mails = new ArrayList<>(byId.values());
    mails.sort(
        Comparator.comparing(
                CaughtMail::sentAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .reversed());
    return mails;
  }

  static Optional<CaughtMail> find(GreenMail catcher, String id) {
    return list(catcher).stream().filter(m -> m.id().equals(id)).findFirst();
  }

  private static CaughtMail read(MimeMessage message, int position) {
    try {
      String id = message.getMessageID() == null ? "#" + position : message.getMessageID();
      Bodies bodies = new Bodies();
      bodies.collect(message);
      return new CaughtMail(
          id,
          addresses(message.getFrom()),
          addresses(message.getAllRecipients()),
          message.getSubject() == null ? "" : message.getSubject(),
          message.getSentDate() == null ? null : message.getSentDate().toInstant(),
          bodies.text,
          bodies.html,
          bodies.attachments);
    } catch (MessagingException | IOException unreadable) {
      return new CaughtMail(
          "#" + position, "", "", "", null, unreadable.getMessage(), null, List.of());
    }
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  /** The first text/plain and text/html parts, and the names of attached files. */
  private static final class Bodies {
    String text;
    String html;
    final List<String> attachments = new ArrayList<>();

    void collect(Part part) throws MessagingException, IOException {
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        attachments.add(part.getFileName() == null ? "?" : part.getFileName());
      } else if (part.isMimeType("text/plain") && text == null) {
        text = String.valueOf(part.getContent());
      } else if (part.isMimeType("text/html") && html == null) {
        html = String.valueOf(part.getContent());
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          collect(multipart.getBodyPart(i));
        }
      } else if (part.getFileName() != null) {
        attachments.add(part.getFileName());
      }
    }
  }
}
