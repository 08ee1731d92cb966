package org.flowcrm.crm.webform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells why a submission looks like spam, for forms that hold suspected spam for review: a link in
 * a name, more than {@code flowcrm.web-forms.spam.max-links} (2) links in all inputs together, an
 * e-mail address at a disposable-mail domain (the list in {@code disposable-domains.txt} plus
 * {@code flowcrm.web-forms.spam.disposable-domains}), or sent sooner than {@code
 * flowcrm.web-forms.spam.min-fill-seconds} (3) after the form was shown. The page carries when it
 * was shown in the hidden input {@value #SHOWN}, signed with HMAC-SHA256 so a bot cannot claim an
 * older time; a submission without a valid one did not come from the form's page. The key is {@code
 * flowcrm.web-forms.stamp-secret}, or a random one per start (a form shown before a restart then
 * counts as not shown: held, not lost).
 */
@Component
public class SuspectedSpam {

  /** The hidden input with the signed time the form was shown. */
  public static final String SHOWN = "_shown";

  private static final Pattern LINK =
      Pattern.compile("(?i)(https?://|www\\.|\\[url)[^\\s]*", Pattern.UNICODE_CASE);
  private static final List<String> NAMES =
      List.of(
          LeadField.FIRST_NAME.param(),
          LeadField.LAST_NAME.param(),
          LeadField.COMPANY_NAME.param());

  private final byte[] key;
  private final Duration minFill;
  private final int maxLinks;
  private final Set<String> disposable = new HashSet<>();

  SuspectedSpam(
      @Value("${flowcrm.web-forms.stamp-secret:}") String secret,
      @Value("${flowcrm.web-forms.spam.min-fill-seconds:3}") long minFillSeconds,
      @Value("${flowcrm.web-forms.spam.max-links:2}") int maxLinks,
      @Value("${flowcrm.web-forms.spam.disposable-domains:}") List<String> extraDomains)
      throws IOException {
    if (secret == null || secret.isBlank()) {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    } else {
      key = secret.getBytes(StandardCharsets.UTF_8);
    }
    this.minFill = Duration.ofSeconds(minFillSeconds);
    this.maxLinks = maxLinks;
    try (InputStream in = SuspectedSpam.class.getResourceAsStream("disposable-domains.txt")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(l -> disposable.add(l.toLowerCase(Locale.ROOT)));
    }
    extraDomains.stream()
        .map(String::strip)
        .filter(d -> !d.isEmpty())
        .forEach(d -> disposable.add(d.toLowerCase(Locale.ROOT)));
  }

  /** The value of {@value #SHOWN} for the form {@code token} shown at {@code now}. */
  public String stamp(String token, Instant now) {
    long millis = now.toEpochMilli();
    return millis + "." + sign(token, millis);
  }

  /** Why the submission looks like spam; empty when it does not. */
  public List<String> reasons(String token, Map<String, String> params, Instant now) {
    List<String> reasons = new ArrayList<>();
    Instant shown = shown(token, params.get(SHOWN));
    if (shown == null) {
      reasons.add("not sent from the form's page (no valid time it was shown)");
    } else if (Duration.between(shown, now).compareTo(minFill) < 0) {
      reasons.add(
          "sent "
              + Math.max(0, Duration.between(shown, now).toMillis()) / 1000.0
              + " s after the form was shown (less than "
              + minFill.toSeconds()
              + " s)");
    }
    for (String name : NAMES) {
      String value = params.get(name);
      if (value != null && LINK.matcher(value).find()) {
        reasons.add("a link in " + name);
      }
    }
    int links = 0;
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue() != null && !SHOWN.equals(e.getKey())) {
        Matcher m = LINK.matcher(e.getValue());
        while (m.find()) {
          links++;
        }
      }
    }
    if (links > maxLinks) {
      reasons.add(links + " links (more than " + maxLinks + ")");
    }
    String email = params.get(LeadField.EMAIL.param());
    if (email != null && email.contains("@")) {
      String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
      if (isDisposable(domain)) {
        reasons.add("a disposable e-mail domain (" + domain + ")");
      }
    }
    return reasons;
  }

  /** The domain or one of its parents is on the list ({@code x.mailinator.com} too). */
  private boolean isDisposable(String domain) {
    for (String d = domain; !d.isEmpty(); ) {
      if (disposable.contains(d)) {
        return true;
      }
      int dot = d.indexOf('.');
      d = dot < 0 ? "" : d.substring(dot + 1);
    }
    return false;
  }

  private Instant shown(String token, String stamp) {
    if (stamp == null) {
      return null;
    }
    int dot = stamp.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    try {
      long millis = Long.parseLong(stamp.substring(0, dot));
      byte[] expected = sign(token, millis).getBytes(StandardCharsets.US_ASCII);
      byte[] given = stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected, given) ? Instant.ofEpochMilli(millis) : null;
    } catch (NumberFormatException notAStamp) {
      return null;
    }
  }

  private String sign(String token, long millis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((token + ":" + millis).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
