package org.flowcrm.crm.product;

import jakarta.validation.Valid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/** The product catalog: the public API of the feature. */
@Service
@Validated
@Transactional(readOnly = true)
public class ProductService {

  public static final List<SortField> SORT_FIELDS =
      List.of(
          new SortField("id", "p.id", SortType.LONG),
          new SortField("name", "p.name", SortType.STRING),
          new SortField("price", "p.price", SortType.DECIMAL),
          new SortField("createdAt", "p.created_at", SortType.TIMESTAMP));
  private static final SortOrder DEFAULT_SORT = new SortOrder(SORT_FIELDS.get(1), false);

  private final CustomFieldService customFields;
  private final Products products;
  private final ProductSections sections;
  private final CurrencyService currencies;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final AccessPolicy policy;

  ProductService(
      Products products,
      ProductSections sections,
      CurrencyService currencies,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      AccessPolicy policy,
      CustomFieldService customFields) {
    this.customFields = customFields;
    this.products = products;
    this.sections = sections;
    this.currencies = currencies;
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.policy = policy;
  }

  @Transactional
  public ProductView create(@Valid ProductCommand command) {
    policy.requireCreate(EntityType.PRODUCT, null);
    Product product = new Product(command, check(command));
    product.setCustomFields(
        customFields.merge(CustomizableEntity.PRODUCT, command.customFields(), Map.of(), true));
    return ProductView.of(products.saveAndFlush(product));
  }

  public ProductView get(long id) {
    return ProductView.of(require(id, Action.READ));
  }

  public Optional<ProductView> find(long id) {
    return products.findById(id).map(ProductView::of);
  }

  /**
   * The catalog product an order line from outside names (an online-store order): by SKU first,
   * else an active product with exactly this name when only one has it.
   */
  public Optional<ProductView> findBySkuOrName(String sku, String name) {
    if (sku != null && !sku.isBlank()) {
      List<Long> bySku =
          jdbc.queryForList("SELECT id FROM crm_product WHERE sku = ?", Long.class, sku.strip());
      if (!bySku.isEmpty()) {
        return find(bySku.get(0));
      }
    }
    if (name != null && !name.isBlank()) {
      List<Long> byName =
          jdbc.queryForList(
              "SELECT id FROM crm_product WHERE active = TRUE AND name = ? LIMIT 2",
              Long.class,
              name.strip());
      if (byName.size() == 1) {
        return find(byName.get(0));
      }
    }
    return Optional.empty();
  }

  @Transactional
  public ProductView update(long id, @Valid ProductCommand command, Long expectedVersion) {
    Product product = require(id, Action.UPDATE);
    Versions.check("Product", id, product.getVersion(), expectedVersion);
    product.update(command, check(command));
    product.setCustomFields(
        customFields.merge(
            CustomizableEntity.PRODUCT,
            command.customFields(),
            product.getCustomFields(),
            command.customFields() != null));
    return ProductView.of(products.saveAndFlush(product));
  }

  /** Deletes a product; rows that used it keep their copied name and price. */
  @Transactional
  public void delete(long id, Long expectedVersion) {
    Product product = require(id, Action.DELETE);
    Versions.check("Product", id, product.getVersion(), expectedVersion);
    products.delete(product);
    products.flush();
  }

  /** Checks that every id names a product, naming {@code field} in a 422 otherwise. */
  public void requireExisting(Collection<Long> ids, String field) {
    List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
    if (wanted.isEmpty()) {
      return;
    }
    Set<Long> found =
        products.findAllById(wanted).stream().map(Product::getId).collect(Collectors.toSet());
    for (Long id : wanted) {
      if (!found.contains(id)) {
        throw new InvalidFieldException(field, "product " + id + " does not exist");
      }
    }
  }

  public CursorPage<ProductView> list(ProductFilter filter, ListRequest request) {
    return list(filter, request, Action.READ);
  }

  /** One page of what {@code filter} matches within the caller's scope for every action. */
  private CursorPage<ProductView> list(
      ProductFilter filter, ListRequest request, Action... actions) {
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    KeysetQuery.Page page = query(filter, actions).page(jdbc, order, request);
    Map<Long, Product> found =
        products.findAllById(page.ids()).stream()
            .collect(Collectors.toMap(Product::getId, Function.identity()));
    return new CursorPage<>(
        page.ids().stream().map(found::get).filter(Objects::nonNull).map(ProductView::of).toList(),
        page.nextCursor());
  }

  /** Quick search: active products whose name starts with {@code prefix}, by name. */
  public List<ProductView> suggest(String prefix, int limit) {
    return list(
            new ProductFilter(prefix, null, null, true, null),
            new ListRequest("name", Math.min(Math.max(limit, 1), ListRequest.MAX_LIMIT), null))
        .items();
  }

  /** Refuses (403) before anything is written when the caller may not export at all. */
  public void requireExport() {
    policy.requireAny(EntityType.PRODUCT, Action.EXPORT);
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void export(ProductFilter filter, String sort, Consumer<ProductView> sink) {
    requireExport();
    ListRequest request = new ListRequest(sort, ListRequest.MAX_LIMIT, null);
    do {
      ListRequest current = request;
      CursorPage<ProductView> page =
          readOnly.execute(status -> list(filter, current, Action.READ, Action.EXPORT));
      page.items().forEach(sink);
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    } while (request != null);
  }

  /** The whole section tree, ordered. */
  public List<SectionView> sectionTree() {
    policy.requireAny(EntityType.PRODUCT, Action.READ);
    List<ProductSection> all = sections.findAll();
    Map<Long, List<ProductSection>> byParent = new HashMap<>();
    for (ProductSection section : all) {
      byParent.computeIfAbsent(section.getParentId(), k -> new ArrayList<>()).add(section);
    }
    return children(null, byParent);
  }

  private static List<SectionView> children(
      Long parentId, Map<Long, List<ProductSection>> byParent) {
    return byParent.getOrDefault(parentId, List.of()).stream()
        .sorted(
            Comparator.comparingInt(ProductSection::getSortOrder)
                .thenComparing(ProductSection::getName))
        .map(
            s ->
                new SectionView(
                    s.getId(),
                    s.getVersion(),
                    s.getName(),
                    s.getParentId(),
                    s.getSortOrder(),
                    children(s.getId(), byParent)))
        .toList();
  }

  @Transactional
  public SectionView createSection(@Valid SectionCommand command) {
    policy.requireAny(EntityType.PRODUCT, Action.CREATE);
    requireSection(command.parentId(), "parentId");
    ProductSection section =
        sections.saveAndFlush(
            new ProductSection(
                command.name(),
                command.parentId(),
                command.sortOrder() == null ? 100 : command.sortOrder()));
    return new SectionView(
        section.getId(),
        section.getVersion(),
        section.getName(),
        section.getParentId(),
        section.getSortOrder(),
        List.of());
  }

  /** Renames or moves a section; it cannot move below itself. */
  @Transactional
  public SectionView updateSection(long id, @Valid SectionCommand command, Long expectedVersion) {
    policy.requireAny(EntityType.PRODUCT, Action.UPDATE);
    ProductSection section =
        sections.findById(id).orElseThrow(() -> new NotFoundException("Product section", id));
    Versions.check("Product section", id, section.getVersion(), expectedVersion);
    requireSection(command.parentId(), "parentId");
    if (command.parentId() != null && descendantsAndSelf(id).contains(command.parentId())) {
      throw new InvalidFieldException(
          "parentId", "a section cannot move into itself or one of its sub-sections");
    }
    section.update(
        command.name(),
        command.parentId(),
        command.sortOrder() == null ? section.getSortOrder() : command.sortOrder());
    sections.saveAndFlush(section);
    return new SectionView(
        section.getId(),
        section.getVersion(),
        section.getName(),
        section.getParentId(),
        section.getSortOrder(),
        List.of());
  }

  /** Deletes an empty section: one without sub-sections or products. */
  @Transactional
  public void deleteSection(long id) {
    policy.requireAny(EntityType.PRODUCT, Action.DELETE);
    ProductSection section =
        sections.findById(id).orElseThrow(() -> new NotFoundException("Product section", id));
    if (sections.existsByParentId(id) || products.existsBySectionId(id)) {
      throw new ConflictException(
          "Product section " + id + " still has sub-sections or products; move them first");
    }
    sections.delete(section);
  }

  private String check(ProductCommand command) {
    String currency = command.currency() == null ? currencies.baseCode() : command.currency();
    currencies.requireKnown(currency, "currency");
    requireSection(command.sectionId(), "sectionId");
    return currency;
  }

  private void requireSection(Long id, String field) {
    if (id != null && !sections.existsById(id)) {
      throw new InvalidFieldException(field, "product section " + id + " does not exist");
    }
  }

  /** A section and everything below it (the tree is small: load it once). */
  private Set<Long> descendantsAndSelf(long id) {
    Map<Long, List<Long>> byParent = new HashMap<>();
    for (ProductSection section : sections.findAll()) {
      byParent.computeIfAbsent(section.getParentId(), k -> new ArrayList<>()).add(section.getId());
    }
    Set<Long> result = new HashSet<>();
    Deque<Long> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      Long next = todo.pop();
      if (result.add(next)) {
        todo.addAll(byParent.getOrDefault(next, List.of()));
      }
    }
    return result;
  }

  private KeysetQuery query(ProductFilter f, Action... actions) {
    KeysetQuery query =
        new KeysetQuery("crm_product p", "p.id")
            .whereIfPresent(f.active(), "p.active = ?")
            .whereIfPresent(f.currency(), "p.currency = ?");
    if (f.sectionId() != null) {
      if (Boolean.FALSE.equals(f.includeSubsections())) {
        query.where("p.section_id = ?", f.sectionId());
      } else {
        query.whereIn("p.section_id", descendantsAndSelf(f.sectionId()));
      }
    }
    if (f.q() != null && !f.q().isBlank()) {
      query.where("p.name LIKE ?", FullText.likePrefix(f.q()));
    }
    customFields.applyFilter(CustomizableEntity.PRODUCT, f.customFields(), "p", query);
    for (Action action : actions) {
      policy.filter(EntityType.PRODUCT, action, "p.id").applyTo(query);
    }
    return query;
  }

  /** The product, if the caller may {@code action} it: 404 when he may not see the catalog. */
  private Product require(long id, Action action) {
    Product product = products.findById(id).orElseThrow(() -> new NotFoundException("Product", id));
    policy.require(EntityType.PRODUCT, action, id, null);
    return product;
  }
}
