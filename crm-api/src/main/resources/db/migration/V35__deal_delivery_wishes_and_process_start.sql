-- The client's delivery wishes are a field group of the deal (address, day, time window, note),
-- edited like any field and handed to the courier's task by the courier-delivery process. Store
-- orders fill them from the order's delivery data.
ALTER TABLE crm_deal
  ADD COLUMN delivery_address VARCHAR(500)  NULL,
  ADD COLUMN delivery_date    DATE          NULL,
  ADD COLUMN delivery_window  VARCHAR(50)   NULL,
  ADD COLUMN delivery_note    VARCHAR(2000) NULL;

-- Catch-up of lost deal starts, as for leads (V18): whether the deal's own process is started by
-- the CRM after the commit (a deal created by hand, through the API or from a store order; not an
-- imported deal, not one converted from a lead, whose lead process starts it), and when a start
-- was last claimed, so the regular start, a catch-up and a second application instance never start
-- one twice. Deals created before this migration are left alone (FALSE).
ALTER TABLE crm_deal
  ADD COLUMN starts_process           BOOLEAN     NOT NULL DEFAULT FALSE,
  ADD COLUMN process_start_claimed_at DATETIME(6) NULL,
  ADD KEY ix_crm_deal_without_process (process_instance_key, created_at);
