package org.flowcrm.crm.webform;

import java.time.Instant;
import java.util.List;

/**
 * A web form as administrators see it; {@code publicPath} is where the public fills it in, {@code
 * heldSubmissions} how many suspected submissions wait for review.
 */
public record WebFormView(
    long id,
    long version,
    String name,
    String heading,
    List<FormField> fields,
    String consentText,
    String buttonText,
    String buttonColor,
    Long responsibleId,
    String thankYouMessage,
    String redirectUrl,
    boolean active,
    String publicToken,
    String publicPath,
    long submissions,
    Instant createdAt,
    Instant updatedAt,
    String publicUrl,
    String embedSnippet,
    WebFormTarget target,
    Long pipelineId,
    Long assignmentRuleId,
    boolean holdSuspectedSpam,
    long heldSubmissions) {

  /** The view with its absolute public address and an iframe snippet for other websites. */
  public WebFormView at(String baseUrl) {
    String url = baseUrl + publicPath;
    String snippet =
        "<iframe src=\""
            + url
            + "\" title=\""
            + org.springframework.web.util.HtmlUtils.htmlEscape(name)
            + "\" style=\"width:100%;max-width:520px;height:640px;border:0\" loading=\"lazy\"></iframe>";
    return new WebFormView(
        id,
        version,
        name,
        heading,
        fields,
        consentText,
        buttonText,
        buttonColor,
        responsibleId,
        thankYouMessage,
        redirectUrl,
        active,
        publicToken,
        publicPath,
        submissions,
        createdAt,
        updatedAt,
        url,
        snippet,
        target,
        pipelineId,
        assignmentRuleId,
        holdSuspectedSpam,
        heldSubmissions);
  }
}
