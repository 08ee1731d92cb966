package org.flowcrm.ui.layout;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Browsers ask for {@code /favicon.ico} on documents that name no icon (a PDF, an image opened on
 * its own); the icon is an SVG, so send them there instead of answering 404.
 */
@Controller
class FaviconController {

  @GetMapping("/favicon.ico")
  String favicon() {
    return "redirect:/favicon.svg";
  }
}
