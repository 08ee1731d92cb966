-- Two indexes measured at the benchmark volume (100,000 deals, ./bench generate; docs/benchmarks.md).
--
-- The kanban's column totals (DealService.totals: deals per stage of a pipeline and their worth in
-- the base currency, within the caller's scope) read every deal of the pipeline. Through
-- ix_crm_deal_stage (stage_id only) each of them was also a look-up of the whole row for its
-- responsible, visibility, currency and amount: 70,000 rows and 210,000 pages for one board
-- (ANALYZE: 744 ms on the shared benchmark machine). This index holds every column the query
-- needs, so the totals are read from the index alone. visible_to_all comes before responsible_id
-- so that the board's list query (pipeline, stage and responsible fixed, sorted by amount) keeps
-- preferring ix_crm_deal_board, whose order needs no filesort (QueryPlanTests).
ALTER TABLE crm_deal
  ADD KEY ix_crm_deal_stage_totals (stage_id, visible_to_all, responsible_id, currency, amount);

-- "My open deals" on the home page (responsible, not closed, most recently updated first) read all
-- of a manager's open deals through ix_crm_deal_responsible and sorted them (1,667 rows and a
-- filesort for 11 shown, 40 ms); in updated_at order the first 11 index entries are the answer.
ALTER TABLE crm_deal
  ADD KEY ix_crm_deal_mine_recent (responsible_id, closed, updated_at);
