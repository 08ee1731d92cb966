-- Which BPMN process drives a lead or deal and where it is, so cards and lists read the CRM's own
-- tables and never ask the engine. Written only by ProcessLinkService (JPA maps them read-only), so
-- a process step neither bumps the record's version nor is overwritten by a manager's edit.
ALTER TABLE crm_lead
  CHANGE COLUMN current_element_id process_element_id VARCHAR(255) NULL,
  ADD COLUMN process_id            VARCHAR(255) NULL AFTER process_instance_key,
  ADD COLUMN process_element_name  VARCHAR(255) NULL AFTER process_element_id,
  ADD COLUMN process_element_since DATETIME(6)  NULL AFTER process_element_name;

ALTER TABLE crm_deal
  CHANGE COLUMN current_element_id process_element_id VARCHAR(255) NULL,
  ADD COLUMN process_id            VARCHAR(255) NULL AFTER process_instance_key,
  ADD COLUMN process_element_name  VARCHAR(255) NULL AFTER process_element_id,
  ADD COLUMN process_element_since DATETIME(6)  NULL AFTER process_element_name;
