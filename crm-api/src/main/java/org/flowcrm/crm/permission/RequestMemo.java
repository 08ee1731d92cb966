package org.flowcrm.crm.permission;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers a fact about a user for the rest of the current HTTP request (a request attribute, so
 * it ends with the request and is never shared with another one). Outside a request nothing is
 * remembered: {@link #get} answers {@code null} and the caller reads the fact itself.
 */
final class RequestMemo {

  private static final String PREFIX = RequestMemo.class.getName() + ".";

  private RequestMemo() {}

  /**
   * The remembered value of {@code fact} for {@code user}, computed by {@code read} on first use in
   * this request; {@code null} when there is no current request.
   */
  @SuppressWarnings("unchecked")
  static <T> T get(String fact, long user, Supplier<T> read) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return null;
    }
    String name = PREFIX + fact + "." + user;
    Object known = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    if (known == null) {
      known = read.get();
      request.setAttribute(name, known, RequestAttributes.SCOPE_REQUEST);
    }
    return (T) known;
  }

  /** Forgets everything remembered in this request, e.g. after the request changed roles. */
  static void forgetAll() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return;
    }
    for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
      if (name.startsWith(PREFIX)) {
        request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
      }
    }
  }
}
