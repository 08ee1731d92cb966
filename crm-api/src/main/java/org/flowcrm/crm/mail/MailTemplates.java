package org.flowcrm.crm.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MailTemplates extends JpaRepository<MailTemplate, Long> {

  Optional<MailTemplate> findByCodeAndLocale(String code, String locale);

  List<MailTemplate> findByCodeOrderByLocale(String code);

  List<MailTemplate> findAllByOrderByCodeAscLocaleAsc();
}
