package org.flowcrm.ui.contact;

import java.time.Duration;
import org.flowcrm.crm.contact.ContactPhoto;
import org.flowcrm.crm.contact.ContactPhotoService;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /contacts/{id}/photo}: the contact's photo behind the page session, for the card's {@code
 * <img>} (the REST API's {@code /api/v1/contacts/{id}/photo} takes only API credentials).
 */
@Controller
class ContactPhotoPagesController {

  private final ContactPhotoService photos;

  ContactPhotoPagesController(ContactPhotoService photos) {
    this.photos = photos;
  }

  @GetMapping("/contacts/{id}/photo")
  ResponseEntity<byte[]> photo(@PathVariable long id) {
    ContactPhoto photo =
        photos.find(id).orElseThrow(() -> new NotFoundException("Photo of contact", id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.contentType()))
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
        .body(photo.image());
  }
}
