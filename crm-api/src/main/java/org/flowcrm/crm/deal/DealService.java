package org.flowcrm.crm.deal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.ScopeFilter;
import org.flowcrm.crm.shared.BulkAction;
import org.flowcrm.crm.shared.BulkCommand;
import org.flowcrm.crm.shared.BulkResult;
import org.flowcrm.crm.shared.BulkRunner;
import org.flowcrm.crm.shared.BulkSelection;
import org.flowcrm.crm.shared.Caller;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.FullText;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.KeysetQuery;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.SortField;
import org.flowcrm.crm.shared.SortOrder;
import org.flowcrm.crm.shared.SortType;
import org.flowcrm.crm.shared.Versions;
import org.flowcrm.crm.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Deals: the public API of the feature for the REST layer, the UI and the process workers. Every
 * change goes through the {@link Deal} aggregate; the caller is looked up through {@link Caller}.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class DealService {

  public static final List<SortField> SORT_FIELDS =
      List.of(
          new SortField("id", "d.id", SortType.LONG),
          new SortField("title", "d.title", SortType.STRING),
          new SortField("amount", "d.amount", SortType.DECIMAL),
          new SortField("createdAt", "d.created_at", SortType.TIMESTAMP),
          new SortField("updatedAt", "d.updated_at", SortType.TIMESTAMP));
  private static final SortOrder DEFAULT_SORT = new SortOrder(SORT_FIELDS.get(0), true);

  private final CustomFieldService customFields;
  private final Deals deals;
  private final DealComments comments;
  private final PipelineService pipelines;
  private final Stages stages;
  private final CurrencyService currencies;
  private final UserService users;
  private final DealReferences references;
  private final Caller caller;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final TransactionTemplate writing;
  private DealProcessGateway processGateway;
  private final AccessPolicy policy;
  private final ApplicationEventPublisher events;
  private final BulkRunner bulk;

  DealService(
      Deals deals,
      DealComments comments,
      PipelineService pipelines,
      Stages stages,
      CurrencyService currencies,
      UserService users,
      DealReferences references,
      Caller caller,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      AccessPolicy policy,
      ApplicationEventPublisher events,
      CustomFieldService customFields,
      BulkRunner bulk) {
    this.customFields = customFields;
    this.deals = deals;
    this.comments = comments;
    this.pipelines = pipelines;
    this.stages = stages;
    this.currencies = currencies;
    this.users = users;
    this.references = references;
    this.caller = caller;
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.writing = new TransactionTemplate(transactions);
    this.policy = policy;
    this.events = events;
    this.bulk = bulk;
  }

  /**
   * Creates a deal in the named (or default) pipeline, in the named (or first) stage; its
   * deal-execution process starts after the commit ({@link DealCreated}).
   */
  @Transactional
  public DealView create(@Valid DealCommand command) {
    return create(command, null, true);
  }

  /** Creates an imported deal: no process starts for it. */
  @Transactional
  public DealView createImported(@Valid DealCommand command) {
    return create(command, null, false);
  }

  /**
   * Creates a deal converted from lead {@code leadId}; the deal remembers the lead, whose process
   * starts the deal's.
   */
  @Transactional
  public DealView createFromLead(@Valid DealCommand command, long leadId) {
    return create(command, leadId, false);
  }

  private DealView create(DealCommand command, Long leadId, boolean startsProcess) {
    Pipeline pipeline =
        command.pipelineId() == null
            ? pipelines.defaultPipelineEntity()
            : pipelines.require(command.pipelineId(), "pipelineId");
    Stage stage =
        command.stageId() == null
            ? pipeline.firstStage()
            : pipeline
                .stage(command.stageId())
                .orElseThrow(
                    () ->
                        new InvalidFieldException(
                            "stageId",
                            "stage "
                                + command.stageId()
                                + " is not a stage of pipeline "
                                + pipeline.getId()));
    policy.requireDealCreate(command.responsibleId(), pipeline.getId());
    String currency = command.currency() == null ? currencies.baseCode() : command.currency();
    Deal deal = new Deal(pipeline, stage, currency, leadId, caller.userId(), startsProcess);
    apply(deal, command, currency);
    // imported and converted deals carry what their source had; people fill required fields
    deal.setCustomFields(
        customFields.merge(
            CustomizableEntity.DEAL, command.customFields(), Map.of(), startsProcess));
    deal = deals.saveAndFlush(deal);
    // published directly (not as a domain event, which would need a second save): listeners act
    // after the commit
    events.publishEvent(
        new DealCreated(deal.getId(), leadId, command.responsibleId(), startsProcess));
    return view(deal);
  }

  public DealView get(long id) {
    return view(require(id, Action.READ));
  }

  public Optional<DealView> findByProcessInstanceKey(long processInstanceKey) {
    return deals
        .findFirstByProcessInstanceKey(processInstanceKey)
        .filter(deal -> readable(deal))
        .map(this::view);
  }

  /** Changes the editable fields of a deal; the stage changes with {@link #moveToStage}. */
  @Transactional
  public DealView update(long id, @Valid DealCommand command, Long expectedVersion) {
    Deal deal = require(id, Action.UPDATE);
    Versions.check("Deal", id, deal.getVersion(), expectedVersion);
    if (command.pipelineId() != null && !command.pipelineId().equals(deal.getPipeline().getId())) {
      throw new InvalidFieldException("pipelineId", "a deal stays in the pipeline it started in");
    }
    if (command.stageId() != null && !command.stageId().equals(deal.getStage().getId())) {
      throw new InvalidFieldException(
          "stageId", "change the stage with PUT /api/v1/deals/" + id + "/stage");
    }
    String currency = command.currency() == null ? deal.getCurrency() : command.currency();
    apply(deal, command, currency);
    deal.setCustomFields(
        customFields.merge(
            CustomizableEntity.DEAL,
            command.customFields(),
            deal.getCustomFields(),
            command.customFields() != null));
    return view(deals.saveAndFlush(deal));
  }

  private void apply(Deal deal, DealCommand command, String currency) {
    currencies.requireKnown(currency, "currency");
    users.requireActive(command.responsibleId(), "responsibleId");
    references.check(command.companyId(), command.contactIds(), command.rows());
    deal.update(
        command.title(),
        command.amount(),
        currency,
        command.probability(),
        command.expectedCloseDate(),
        command.type(),
        command.responsibleId(),
        command.visibleToAll() == null || command.visibleToAll(),
        command.companyId(),
        new LinkedHashSet<>(command.contactIds()),
        command.rows());
    if (command.delivery() != null) {
      deal.setDeliveryWishes(command.delivery());
    }
  }

  /**
   * Moves a deal to another stage of its pipeline, recording who and when; reaching the won or lost
   * stage closes it. Publishes {@link DealStageChanged}. A {@code null} expected version skips the
   * optimistic-locking check (a process moving the deal).
   */
  @Transactional
  public DealView moveToStage(long dealId, long stageId, Long expectedVersion) {
    Deal deal = require(dealId, Action.UPDATE);
    Versions.check("Deal", dealId, deal.getVersion(), expectedVersion);
    Stage stage =
        stages
            .findById(stageId)
            .orElseThrow(
                () -> new InvalidFieldException("stageId", "stage " + stageId + " does not exist"));
    boolean sameStage = stage.getId().equals(deal.getStage().getId());
    // Saved first, so the CRM's own checks refuse an illegal move before the process is asked,
    // and the deal's row stays locked until commit: a worker the process runs after accepting
    // the move waits for it instead of racing it. A refusal rolls the move back.
    DealView moved = move(deal, stage);
    if (!sameStage) {
      askProcess(deal, stage);
    }
    return moved;
  }

  /**
   * A manager's move of a deal that a process drives is the process's decision: it is refused (409)
   * unless the process is waiting for exactly that move.
   */
  private void askProcess(Deal deal, Stage target) {
    Long processInstanceKey = deal.getProcessInstanceKey();
    if (processInstanceKey == null || processGateway == null) {
      return;
    }
    if (!processGateway.requestStageMove(
        deal.getId(), processInstanceKey, target.getCode(), target.getSemantic())) {
      throw new ConflictException(
          "the process does not allow moving this deal to " + target.getName() + " now");
    }
  }

  private DealView move(Deal deal, Stage stage) {
    requireMove(deal, stage);
    if (deal.moveTo(stage, caller.userId())) {
      deals.saveAndFlush(deal);
    }
    return view(deal);
  }

  /** Connects the process that may refuse a manager's move (see {@link DealProcessGateway}). */
  @Autowired(required = false)
  void setProcessGateway(DealProcessGateway processGateway) {
    this.processGateway = processGateway;
  }

  /** Reopens a won or lost deal in an open stage of its pipeline. */
  @Transactional
  public DealView reopen(long dealId, long stageId, Long expectedVersion) {
    Deal deal = require(dealId, Action.UPDATE);
    Versions.check("Deal", dealId, deal.getVersion(), expectedVersion);
    Stage stage =
        stages
            .findById(stageId)
            .orElseThrow(
                () -> new InvalidFieldException("stageId", "stage " + stageId + " does not exist"));
    requireMove(deal, stage);
    deal.reopen(stage, caller.userId());
    return view(deals.saveAndFlush(deal));
  }

  /**
   * Moves a deal to the stage with {@code stageCode} in its pipeline (for process workers: the
   * process itself moves the deal, so it is not asked).
   */
  @Transactional
  public DealView moveToStage(long dealId, String stageCode) {
    Deal deal = require(dealId, Action.UPDATE);
    Stage stage =
        deal.getPipeline()
            .stage(stageCode)
            .orElseThrow(
                () ->
                    new InvalidFieldException(
                        "stageCode",
                        "pipeline " + deal.getPipeline().getId() + " has no stage " + stageCode));
    return move(deal, stage);
  }

  /**
   * Applies a discount agreed with the client to the whole offer: every product row gets at least
   * {@code percent} (a row with a larger discount keeps it), and the amount is recalculated, so the
   * quotes and invoices created from the deal afterwards carry it. Idempotent.
   */
  @Transactional
  public DealView grantDiscount(long dealId, BigDecimal percent) {
    if (percent == null
        || percent.signum() < 0
        || percent.compareTo(BigDecimal.valueOf(100)) > 0
        || percent.stripTrailingZeros().scale() > 2) {
      throw new InvalidFieldException(
          "discountPercent", "must be a percentage from 0 to 100 with at most 2 decimals");
    }
    Deal deal = require(dealId, Action.UPDATE);
    if (deal.isClosed()) {
      throw new ConflictException("Deal " + dealId + " is closed; its offer cannot change");
    }
    return deal.grantDiscount(percent) ? view(deals.saveAndFlush(deal)) : view(deal);
  }

  @Transactional
  public void delete(long id, Long expectedVersion) {
    Deal deal = require(id, Action.DELETE);
    Versions.check("Deal", id, deal.getVersion(), expectedVersion);
    jdbc.update("DELETE FROM crm_deal_comment WHERE deal_id = ?", id);
    deals.delete(deal);
  }

  public List<StageChangeView> stageHistory(long dealId) {
    return require(dealId, Action.READ).getStageHistory().stream()
        .map(StageChangeView::of)
        .toList();
  }

  @Transactional
  public CommentView addComment(long dealId, @NotBlank @Size(max = 10000) String text) {
    require(dealId, Action.UPDATE);
    return CommentView.of(comments.save(new DealComment(dealId, caller.userId(), text)));
  }

  public List<CommentView> comments(long dealId) {
    require(dealId, Action.READ);
    return comments.findByDealIdOrderByCreatedAtAscIdAsc(dealId).stream()
        .map(CommentView::of)
        .toList();
  }

  /**
   * Deals per stage of a pipeline and their worth in the base currency, read from the kept summary
   * ({@code crm_deal_stage_summary}, V38: the database updates it with every deal row, so it is as
   * current as the deals themselves) instead of aggregating every deal of the pipeline per view.
   * Each stage's sum per currency is converted at today's rate and rounded once.
   */
  public List<StageTotal> totals(long pipelineId) {
    pipelines.require(pipelineId);
    // Only deals the caller may read count: a total must not reveal what the list hides. The
    // summary has the columns the deal filter names, with the same meaning.
    ScopeFilter scope =
        policy.dealFilter(Action.READ, "t.responsible_id", "t.visible_to_all", "t.pipeline_id");
    List<Object> parameters = new ArrayList<>();
    parameters.add(pipelineId);
    parameters.addAll(scope.parameters());
    parameters.add(pipelineId);
    return jdbc.query(
        """
        SELECT s.id, s.code, s.name, s.semantic, COALESCE(SUM(k.deals), 0),
               COALESCE(SUM(ROUND(k.amount * c.rate, 2)), 0)
          FROM crm_pipeline_stage s
          LEFT JOIN (SELECT t.stage_id, t.currency, SUM(t.deal_count) AS deals,
                            SUM(t.amount_sum) AS amount
                       FROM crm_deal_stage_summary t
                      WHERE t.pipeline_id = ? AND t.deal_count <> 0"""
            + scope.andSql()
            + """

                      GROUP BY t.stage_id, t.currency) k ON k.stage_id = s.id
          LEFT JOIN crm_currency c ON c.code = k.currency
         WHERE s.pipeline_id = ?
         GROUP BY s.id, s.code, s.name, s.semantic, s.sort_order
         ORDER BY s.sort_order, s.id
        """,
        (rs, i) ->
            new StageTotal(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                StageSemantic.valueOf(rs.getString(4)),
                rs.getLong(5),
                rs.getBigDecimal(6).setScale(2)),
        parameters.toArray());
  }

  /**
   * Title and stage of each of {@code ids} the caller may read, in one query: for pages that show
   * what many records are linked to (the task inbox), instead of loading each deal. Deals he may
   * not read, and deleted ones, are absent from the map.
   */
  public Map<Long, DealHeadline> headlines(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    ScopeFilter scope =
        policy.dealFilter(Action.READ, "d.responsible_id", "d.visible_to_all", "d.pipeline_id");
    List<Object> parameters = new ArrayList<>(ids);
    parameters.addAll(scope.parameters());
    Map<Long, DealHeadline> found = new HashMap<>();
    jdbc.query(
        "SELECT d.id, d.title, s.name FROM crm_deal d JOIN crm_pipeline_stage s ON s.id = d.stage_id"
            + " WHERE d.id IN ("
            + String.join(",", Collections.nCopies(ids.size(), "?"))
            + ")"
            + scope.andSql(),
        (ResultSet rs) -> {
          found.put(
              rs.getLong(1), new DealHeadline(rs.getLong(1), rs.getString(2), rs.getString(3)));
        },
        parameters.toArray());
    return found;
  }

  /** One page of deals matching {@code filter}, in the requested order. */
  public CursorPage<DealView> list(DealFilter filter, ListRequest request) {
    return list(filter, request, Action.READ);
  }

  /** One page of what {@code filter} matches within the caller's scope for every action. */
  private CursorPage<DealView> list(DealFilter filter, ListRequest request, Action... actions) {
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    KeysetQuery.Page page = query(filter, actions).page(jdbc, order, request);
    Map<String, BigDecimal> rates = currencies.rates();
    Map<Long, Deal> found =
        deals.findAllById(page.ids()).stream()
            .collect(Collectors.toMap(Deal::getId, Function.identity()));
    List<DealView> items =
        page.ids().stream()
            .map(found::get)
            .filter(Objects::nonNull)
            .map(d -> DealView.of(d, rates))
            .toList();
    return new CursorPage<>(items, page.nextCursor());
  }

  /**
   * One page of kanban cards matching {@code filter}: the same filter, scope and keyset paging as
   * {@link #list(DealFilter, ListRequest)}, but only the columns a card shows. Refused (403) when
   * the caller may read no deals at all.
   */
  public CursorPage<DealCard> cards(DealFilter filter, ListRequest request) {
    // A board of empty columns would only hide that the role reads no deals at all.
    policy.requireAny(EntityType.DEAL, Action.READ);
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    KeysetQuery.Page page = query(filter, Action.READ).page(jdbc, order, request);
    if (page.ids().isEmpty()) {
      return new CursorPage<>(List.of(), page.nextCursor());
    }
    String placeholders = String.join(",", Collections.nCopies(page.ids().size(), "?"));
    Map<Long, DealCard> found = new HashMap<>();
    jdbc.query(
        "SELECT id, version, title, stage_id, amount, currency FROM crm_deal WHERE id IN ("
            + placeholders
            + ")",
        (ResultSet rs) -> {
          DealCard card =
              new DealCard(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getBigDecimal(5),
                  rs.getString(6));
          found.put(card.id(), card);
        },
        page.ids().toArray());
    List<DealCard> items = page.ids().stream().map(found::get).filter(Objects::nonNull).toList();
    return new CursorPage<>(items, page.nextCursor());
  }

  /**
   * The first page of every column of a pipeline's kanban, largest amount first: what {@link
   * #cards} returns for each stage (same scope, same order, a cursor that {@link #cards}
   * continues), but with the caller's scope looked up once and all columns read in one statement
   * instead of two queries and three permission look-ups per column.
   */
  public Map<Long, CursorPage<DealCard>> firstCards(
      long pipelineId, List<Long> stageIds, int perColumn) {
    policy.requireAny(EntityType.DEAL, Action.READ);
    if (stageIds.isEmpty()) {
      return Map.of();
    }
    SortOrder byAmount = SortOrder.parse("-amount", SORT_FIELDS, DEFAULT_SORT);
    ScopeFilter scope =
        policy.dealFilter(Action.READ, "d.responsible_id", "d.visible_to_all", "d.pipeline_id");
    List<String> columns = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (Long stageId : stageIds) {
      columns.add(
          "(SELECT d.id, d.version, d.title, d.stage_id, d.amount, d.currency FROM crm_deal d"
              + " WHERE d.pipeline_id = ? AND d.stage_id = ?"
              + scope.andSql()
              + " ORDER BY d.amount DESC, d.id DESC LIMIT ?)");
      parameters.add(pipelineId);
      parameters.add(stageId);
      parameters.addAll(scope.parameters());
      parameters.add(perColumn + 1);
    }
    Map<Long, List<DealCard>> byStage = new HashMap<>();
    jdbc.query(
        String.join(" UNION ALL ", columns),
        (ResultSet rs) -> {
          DealCard card =
              new DealCard(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getBigDecimal(5),
                  rs.getString(6));
          byStage.computeIfAbsent(card.stageId(), k -> new ArrayList<>()).add(card);
        },
        parameters.toArray());
    Map<Long, CursorPage<DealCard>> pages = new HashMap<>();
    for (Long stageId : stageIds) {
      List<DealCard> cards = new ArrayList<>(byStage.getOrDefault(stageId, List.of()));
      // UNION ALL keeps no order across its parts; each part's is restored here
      cards.sort(
          java.util.Comparator.comparing(DealCard::amount).thenComparing(DealCard::id).reversed());
      if (cards.size() <= perColumn) {
        pages.put(stageId, new CursorPage<>(cards, null));
      } else {
        List<DealCard> page = List.copyOf(cards.subList(0, perColumn));
        DealCard last = page.get(perColumn - 1);
        pages.put(
            stageId,
            new CursorPage<>(
                page, KeysetQuery.cursorAfter(byAmount, last.amount().toPlainString(), last.id())));
      }
    }
    return pages;
  }

  /** Streams every deal matching {@code filter} page by page, e.g. into a CSV export. */
  /** Refuses (403) before anything is written when the caller may not export at all. */
  public void requireExport() {
    policy.requireAny(EntityType.DEAL, Action.EXPORT);
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void export(DealFilter filter, String sort, Consumer<DealView> sink) {
    requireExport();
    ListRequest request = new ListRequest(sort, ListRequest.MAX_LIMIT, null);
    do {
      ListRequest current = request;
      CursorPage<DealView> page =
          readOnly.execute(status -> list(filter, current, Action.READ, Action.EXPORT));
      page.items().forEach(sink);
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    } while (request != null);
  }

  /**
   * Makes {@code responsibleId} responsible for every deal matching {@code filter}, one transaction
   * per page of {@value ListRequest#MAX_LIMIT}; returns how many were assigned.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public int assignAll(DealFilter filter, long responsibleId) {
    users.requireActive(responsibleId, "responsibleId");
    SortOrder byId = new SortOrder(SORT_FIELDS.get(0), false);
    ListRequest request = new ListRequest("id", ListRequest.MAX_LIMIT, null);
    int assigned = 0;
    do {
      KeysetQuery.Page page = query(filter, Action.READ, Action.UPDATE).page(jdbc, byId, request);
      assigned +=
          writing.execute(
              status -> {
                List<Deal> found = deals.findAllById(page.ids());
                found.forEach(item -> item.assignTo(responsibleId));
                deals.saveAll(found);
                return found.size();
              });
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    } while (request != null);
    return assigned;
  }

  /** What a bulk request may do to deals. */
  public static final Set<BulkAction> BULK_ACTIONS =
      Set.of(BulkAction.ASSIGN, BulkAction.DELETE, BulkAction.MOVE_STAGE);

  /**
   * Assigns, deletes or moves the picked deals, or every deal the filter matches that the caller
   * can see. Each deal is checked as if it were changed alone (permission, stage restrictions, a
   * closed deal, the deal's process), in one transaction per {@value BulkRunner#CHUNK_SIZE};
   * refused deals are reported and the others change. Bad input (a missing or unknown user or
   * stage) is refused before anything is written.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public BulkResult bulk(@Valid BulkCommand<DealFilter> command) {
    command.check(BULK_ACTIONS);
    switch (command.action()) {
      case ASSIGN -> users.requireActive(command.responsibleId(), "responsibleId");
      case MOVE_STAGE -> {
        if (stages.findById(command.stageId()).isEmpty()) {
          throw new InvalidFieldException(
              "stageId", "stage " + command.stageId() + " does not exist");
        }
      }
      default -> {}
    }
    SortOrder byId = new SortOrder(SORT_FIELDS.get(0), false);
    List<Long> ids =
        command.ids() != null
            ? command.distinctIds()
            : readOnly.execute(
                status ->
                    bulk.matching(
                        request -> query(command.filter(), Action.READ).page(jdbc, byId, request)));
    return bulk.run(
        ids,
        id -> {
          switch (command.action()) {
            case ASSIGN -> {
              Deal deal = require(id, Action.UPDATE);
              deal.assignTo(command.responsibleId());
              deals.save(deal);
            }
            case DELETE -> {
              Deal deal = require(id, Action.DELETE);
              jdbc.update("DELETE FROM crm_deal_comment WHERE deal_id = ?", id);
              deals.delete(deal);
              deals.flush();
            }
            case MOVE_STAGE -> moveInBulk(id, command.stageId());
            default -> throw new IllegalStateException("not a deal action: " + command.action());
          }
        });
  }

  /**
   * One deal of a bulk move: the row is locked first, then every CRM check runs and the deal's
   * process is asked before anything is written, so a refusal leaves nothing to undo in the chunk;
   * a worker the accepting process runs waits for the lock, as with a single move.
   */
  private void moveInBulk(long dealId, long stageId) {
    jdbc.queryForList("SELECT id FROM crm_deal WHERE id = ? FOR UPDATE", Long.class, dealId);
    Deal deal = require(dealId, Action.UPDATE);
    Stage stage =
        stages
            .findById(stageId)
            .orElseThrow(
                () -> new InvalidFieldException("stageId", "stage " + stageId + " does not exist"));
    if (!deal.checkMove(stage)) {
      return; // already there
    }
    requireMove(deal, stage);
    askProcess(deal, stage);
    deal.moveTo(stage, caller.userId());
    deals.save(deal);
  }

  /**
   * Of the picked {@code ids}, or (ids null) of every deal {@code filter} matches, those the caller
   * may also {@code action} and those he may not, checked in SQL; for bulk work another feature
   * does per deal (starting a task).
   */
  public BulkSelection select(List<Long> ids, DealFilter filter, Action action) {
    DealFilter f = filter == null || ids != null ? DealFilter.none() : filter;
    return bulk.select(
        ids, "d.id", () -> query(f, Action.READ), () -> query(f, Action.READ, action), jdbc);
  }

  private KeysetQuery query(DealFilter f, Action... actions) {
    KeysetQuery query =
        new KeysetQuery("crm_deal d", "d.id")
            .whereIfPresent(f.pipelineId(), "d.pipeline_id = ?")
            .whereIfPresent(f.stageId(), "d.stage_id = ?")
            .whereIfPresent(f.responsibleId(), "d.responsible_id = ?")
            .whereIfPresent(f.companyId(), "d.company_id = ?")
            .whereIfPresent(f.closed(), "d.closed = ?")
            .whereIfPresent(f.currency(), "d.currency = ?")
            .whereIfPresent(f.type() == null ? null : f.type().name(), "d.type = ?")
            .whereIfPresent(f.minAmount(), "d.amount >= ?")
            .whereIfPresent(f.maxAmount(), "d.amount <= ?")
            .whereIfPresent(
                f.contactId(),
                "EXISTS (SELECT 1 FROM crm_deal_contact dc WHERE dc.deal_id = d.id AND dc.contact_id = ?)");
    if (f.q() != null && !f.q().isBlank()) {
      String terms = FullText.booleanQuery(f.q());
      if (terms != null) {
        query.where("MATCH (d.title) AGAINST (? IN BOOLEAN MODE)", terms);
      } else {
        query.where("d.title LIKE ?", FullText.likePrefix(f.q()));
      }
    }
    customFields.applyFilter(CustomizableEntity.DEAL, f.customFields(), "d", query);
    for (Action action : actions) {
      policy
          .dealFilter(action, "d.responsible_id", "d.visible_to_all", "d.pipeline_id")
          .applyTo(query);
    }
    return query;
  }

  private DealView view(Deal deal) {
    return DealView.of(deal, currencies.rates());
  }

  private Deal require(long id) {
    return deals.findById(id).orElseThrow(() -> new NotFoundException("Deal", id));
  }

  /**
   * The deal, if the caller may {@code action} it: 404 when he may not see it (visible-to-all deals
   * everyone sees), 403 otherwise.
   */
  private Deal require(long id, Action action) {
    Deal deal = require(id);
    policy.requireDeal(
        action, id, deal.getResponsibleId(), deal.isVisibleToAll(), deal.getPipeline().getId());
    return deal;
  }

  private boolean readable(Deal deal) {
    try {
      require(deal.getId(), Action.READ);
      return true;
    } catch (NotFoundException hidden) {
      return false;
    }
  }

  /** Stage restrictions of the caller's roles, e.g. a manager may not close a deal as won. */
  private void requireMove(Deal deal, Stage stage) {
    if (stage.getPipeline().getId().equals(deal.getPipeline().getId())) {
      policy.requireDealMove(
          deal.getPipeline().getId(), stage.getId(), stage.getCode(), stage.getSemantic().name());
    }
  }
}
