-- Indexes the reports and the funnel need (checked with EXPLAIN in QueryPlanTests): deals by
-- creation date (worked, funnel), by closing date (won, lost, income, products), open deals by
-- expected close date (overdue, expected sales), and the furthest stage a deal reached.

CREATE INDEX ix_crm_deal_created ON crm_deal (created_at);
CREATE INDEX ix_crm_deal_closed_at ON crm_deal (closed_at);
CREATE INDEX ix_crm_deal_open_expected ON crm_deal (closed, expected_close_date);
CREATE INDEX ix_crm_deal_stage_history_reached ON crm_deal_stage_history (deal_id, to_stage_id);
