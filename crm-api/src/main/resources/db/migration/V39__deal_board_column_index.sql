-- The kanban's columns: the first cards of one stage, largest amount first, within the caller's
-- scope (DealService.cards: pipeline and stage fixed, ORDER BY amount DESC, id DESC LIMIT 21).
-- ix_crm_deal_board has responsible_id between stage and amount, so with no responsible fixed every
-- deal of the stage was read and sorted to show 20 (7,778 rows and a filesort per column of the
-- benchmark's default pipeline, nine per board view). In this index the stage's deals stand in
-- amount order (id follows as InnoDB's implicit last column), so a column reads its 21 entries
-- from the top and stops; the scope condition is checked on the rows it reads.
ALTER TABLE crm_deal
  ADD KEY ix_crm_deal_board_column (pipeline_id, stage_id, amount);
