package org.flowcrm.crm.contact.web;

import java.time.Duration;
import org.flowcrm.crm.contact.ContactPhoto;
import org.flowcrm.crm.contact.ContactPhotoService;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A contact's photo, for whoever may read the contact; 404 when it has none. */
@RestController
class ContactPhotoController {

  private final ContactPhotoService photos;

  ContactPhotoController(ContactPhotoService photos) {
    this.photos = photos;
  }

  @GetMapping("/api/v1/contacts/{id}/photo")
  ResponseEntity<byte[]> photo(@PathVariable long id) {
    ContactPhoto photo =
        photos.find(id).orElseThrow(() -> new NotFoundException("Photo of contact", id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.contentType()))
        // private: the picture is as confidential as the contact
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
        .body(photo.image());
  }
}
