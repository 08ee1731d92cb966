-- The kanban's column totals and the home page's funnel, kept instead of aggregated per view.
--
-- DealService.totals summed every deal of a pipeline on each board view (70,000 deals of the
-- benchmark's default pipeline: 250-350 ms even with every column in ix_crm_deal_stage_totals,
-- docs/benchmarks.md). This table holds, per stage, visibility, responsible and currency, how many
-- deals there are and what they add up to in their own currency; the totals read a few thousand of
-- its rows and convert each stage's sum per currency at today's rate.
--
-- The database keeps it, in the same transaction as the deal's own row, by the three triggers
-- below: every write of crm_deal passes through them whatever wrote it (the Deal aggregate through
-- JPA, bulk actions, imports, merges, process workers, set-based SQL like ./bench generate), so no
-- write path can forget it. An update changes the table only when one of the columns it groups or
-- sums changed (a title edit or a process step locks nothing here).
--
-- responsible_key is responsible_id with 0 for "nobody" (a primary key column cannot be NULL);
-- responsible_id gives NULL back so that the permission filters (AccessPolicy.dealFilter) apply to
-- this table exactly as to crm_deal. Rows that fall to zero deals stay; they add nothing.
CREATE TABLE crm_deal_stage_summary (
  stage_id        BIGINT         NOT NULL,
  visible_to_all  BOOLEAN        NOT NULL,
  responsible_key BIGINT         NOT NULL,
  currency        VARCHAR(3)     NOT NULL,
  pipeline_id     BIGINT         NOT NULL,
  deal_count      BIGINT         NOT NULL,
  amount_sum      DECIMAL(23, 2) NOT NULL,
  responsible_id  BIGINT AS (NULLIF(responsible_key, 0)) VIRTUAL,
  PRIMARY KEY (stage_id, visible_to_all, responsible_key, currency),
  KEY ix_crm_deal_stage_summary_pipeline (pipeline_id, stage_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO crm_deal_stage_summary
  (stage_id, visible_to_all, responsible_key, currency, pipeline_id, deal_count, amount_sum)
SELECT stage_id, visible_to_all, COALESCE(responsible_id, 0), currency, MIN(pipeline_id), COUNT(*),
       SUM(amount)
  FROM crm_deal
 GROUP BY stage_id, visible_to_all, COALESCE(responsible_id, 0), currency;

CREATE TRIGGER crm_deal_summary_on_insert AFTER INSERT ON crm_deal FOR EACH ROW
  INSERT INTO crm_deal_stage_summary
    (stage_id, visible_to_all, responsible_key, currency, pipeline_id, deal_count, amount_sum)
  VALUES (NEW.stage_id, NEW.visible_to_all, COALESCE(NEW.responsible_id, 0), NEW.currency,
          NEW.pipeline_id, 1, NEW.amount)
  ON DUPLICATE KEY UPDATE deal_count = deal_count + 1, amount_sum = amount_sum + NEW.amount;

CREATE TRIGGER crm_deal_summary_on_delete AFTER DELETE ON crm_deal FOR EACH ROW
  UPDATE crm_deal_stage_summary
     SET deal_count = deal_count - 1, amount_sum = amount_sum - OLD.amount
   WHERE stage_id = OLD.stage_id AND visible_to_all = OLD.visible_to_all
     AND responsible_key = COALESCE(OLD.responsible_id, 0) AND currency = OLD.currency;

-- The old row's group loses the deal and the new row's group gains it; when only the amount
-- changed both land on the same summary row, one after the other.
CREATE TRIGGER crm_deal_summary_on_update AFTER UPDATE ON crm_deal FOR EACH ROW
  INSERT INTO crm_deal_stage_summary
    (stage_id, visible_to_all, responsible_key, currency, pipeline_id, deal_count, amount_sum)
  SELECT moved.s, moved.v, moved.r, moved.c, moved.p, moved.n, moved.a
    FROM (SELECT OLD.stage_id AS s, OLD.visible_to_all AS v, COALESCE(OLD.responsible_id, 0) AS r,
                 OLD.currency AS c, OLD.pipeline_id AS p, -1 AS n, -OLD.amount AS a
          UNION ALL
          SELECT NEW.stage_id, NEW.visible_to_all, COALESCE(NEW.responsible_id, 0), NEW.currency,
                 NEW.pipeline_id, 1, NEW.amount) moved
   WHERE NOT (OLD.stage_id <=> NEW.stage_id AND OLD.visible_to_all <=> NEW.visible_to_all
              AND OLD.responsible_id <=> NEW.responsible_id AND OLD.currency <=> NEW.currency
              AND OLD.amount <=> NEW.amount)
  ON DUPLICATE KEY UPDATE deal_count = deal_count + VALUES(deal_count),
                          amount_sum = amount_sum + VALUES(amount_sum);
