package org.flowcrm.engine.rest;

/** A request refused by the gateway itself, before the engine sees it. */
final class RestException extends RuntimeException {

  private final int status;
  private final String title;

  RestException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  static RestException invalid(String detail) {
    return new RestException(400, "INVALID_ARGUMENT", detail);
  }

  static RestException badRequest(String detail) {
    return new RestException(400, "Bad Request", detail);
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }
}
