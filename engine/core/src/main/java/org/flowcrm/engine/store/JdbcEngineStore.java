package org.flowcrm.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Stores the engine's state in MariaDB: one row per running process instance holding its state as
 * JSON, one row per deployed process version, one row per finished instance, and the key high-water
 * mark. Tables are created by Flyway from {@code db/engine} with their own history table, so they
 * live beside the CRM's tables in the same database.
 */
public final class JdbcEngineStore implements EngineStore {

  private final DataSource dataSource;

  public JdbcEngineStore(DataSource dataSource) {
    this.dataSource = dataSource;
    Flyway.configure()
        .dataSource(dataSource)
        .table("engine_schema_history")
        .locations("classpath:db/engine")
        // the CRM's own tables may already be there; the engine's history starts empty
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  @Override
  public Snapshot load() {
    try (Connection connection = dataSource.getConnection()) {
      List<StoredDefinition> definitions = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT definition_key, bpmn_process_id, version, resource_name, resource,"
                      + " checksum, deployment_key, tenant_id, deploy_time"
                      + " FROM engine_process_definition ORDER BY definition_key")) {
        while (rows.next()) {
          definitions.add(
              new StoredDefinition(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getInt(3),
                  rows.getString(4),
                  rows.getBytes(5),
                  rows.getString(6),
                  rows.getLong(7),
                  rows.getString(8),
                  rows.getLong(9)));
        }
      }
      List<byte[]> instances = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT state FROM engine_process_instance ORDER BY instance_key")) {
        while (rows.next()) {
          instances.add(rows.getBytes(1));
        }
      }
      long nextKey = 0;
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT next_key FROM engine_key WHERE id = 1")) {
        if (rows.next()) {
          nextKey = rows.getLong(1);
        }
      }
      List<byte[]> finishedTasks = new ArrayList<>();
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT content FROM engine_user_task WHERE state <> 'CREATED'"
                  + " ORDER BY task_key DESC LIMIT ?")) {
        statement.setInt(1, org.flowcrm.engine.state.EngineState.MAX_FINISHED_USER_TASKS);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            finishedTasks.add(rows.getBytes(1));
          }
        }
      }
      java.util.Collections.reverse(finishedTasks);
      List<byte[]> startTimers = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT content FROM engine_start_timer ORDER BY timer_key")) {
        while (rows.next()) {
          startTimers.add(rows.getBytes(1));
        }
      }
      List<byte[]> messages = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT content FROM engine_message ORDER BY message_key")) {
        while (rows.next()) {
          messages.add(rows.getBytes(1));
        }
      }
      List<StoredForm> forms = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT form_key, form_id, version, resource_name, form_schema, checksum,"
                      + " deployment_key, tenant_id, deploy_time FROM engine_form"
                      + " ORDER BY form_key")) {
        while (rows.next()) {
          forms.add(
              new StoredForm(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getInt(3),
                  rows.getString(4),
                  rows.getBytes(5),
                  rows.getString(6),
                  rows.getLong(7),
                  rows.getString(8),
                  rows.getLong(9)));
        }
      }
      return new Snapshot(
          definitions, instances, nextKey, finishedTasks, startTimers, messages, forms);
    } catch (SQLException e) {
      throw new StoreException("Cannot load the engine state", e);
    }
  }

  @Override
  public void commit(Changes changes) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        write(connection, changes);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot store the engine state", e);
    }
  }

  private static void write(Connection connection, Changes changes) throws SQLException {
    if (!changes.newForms().isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO engine_form (form_key, form_id, version, resource_name, form_schema,"
                  + " checksum, deployment_key, tenant_id, deploy_time)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (StoredForm f : changes.newForms()) {
          insert.setLong(1, f.key());
          insert.setString(2, f.formId());
          insert.setInt(3, f.version());
          insert.setString(4, f.resourceName());
          insert.setBytes(5, f.schema());
          insert.setString(6, f.checksum());
          insert.setLong(7, f.deploymentKey());
          insert.setString(8, f.tenantId());
          insert.setLong(9, f.deployTime());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    if (!changes.newDefinitions().isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO engine_process_definition (definition_key, bpmn_process_id, version,"
                  + " resource_name, resource, checksum, deployment_key, tenant_id, deploy_time)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (StoredDefinition d : changes.newDefinitions()) {
          insert.setLong(1, d.key());
          insert.setString(2, d.bpmnProcessId());
          insert.setInt(3, d.version());
          insert.setString(4, d.resourceName());
          insert.setBytes(5, d.resource());
          insert.setString(6, d.checksum());
          insert.setLong(7, d.deploymentKey());
          insert.setString(8, d.tenantId());
          insert.setLong(9, d.deployTime());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    if (!changes.upsertedInstances().isEmpty()) {
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO engine_process_instance (instance_key, state) VALUES (?, ?)"
                  + " ON DUPLICATE KEY UPDATE state = VALUES(state)")) {
        for (Map.Entry<Long, byte[]> row : changes.upsertedInstances().entrySet()) {
          upsert.setLong(1, row.getKey());
          upsert.setBytes(2, row.getValue());
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
    }
    if (!changes.deletedInstances().isEmpty()) {
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM engine_process_instance WHERE instance_key = ?")) {
        for (Long key : changes.deletedInstances()) {
          delete.setLong(1, key);
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
    if (!changes.finishedInstances().isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO engine_process_instance_history (instance_key, definition_key,"
                  + " bpmn_process_id, version, tenant_id, state, start_time, end_time,"
                  + " variables, parent_process_instance_key, parent_element_instance_key)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (FinishedInstance f : changes.finishedInstances()) {
          insert.setLong(1, f.key());
          insert.setLong(2, f.processDefinitionKey());
          insert.setString(3, f.bpmnProcessId());
          insert.setInt(4, f.version());
          insert.setString(5, f.tenantId());
          insert.setString(6, f.state());
          insert.setLong(7, f.startTime());
          insert.setLong(8, f.endTime());
          insert.setBytes(9, f.variables());
          insert.setLong(10, f.parentProcessInstanceKey());
          insert.setLong(11, f.parentElementInstanceKey());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    if (!changes.finishedElements().isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO engine_element_instance_history (element_instance_key,"
                  + " process_instance_key, definition_key, bpmn_process_id, element_id,"
                  + " element_name, element_type, state, start_time, end_time, incident_key,"
                  + " flow_scope_key, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (FinishedElement e : changes.finishedElements()) {
          insert.setLong(1, e.key());
          insert.setLong(2, e.processInstanceKey());
          insert.setLong(3, e.processDefinitionKey());
          insert.setString(4, e.bpmnProcessId());
          insert.setString(5, e.elementId());
          insert.setString(6, e.elementName());
          insert.setString(7, e.type());
          insert.setString(8, e.state());
          insert.setLong(9, e.startTime());
          insert.setLong(10, e.endTime());
          insert.setLong(11, e.incidentKey());
          insert.setLong(12, e.flowScopeKey());
          insert.setString(13, e.tenantId());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    if (!changes.userTasks().isEmpty()) {
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO engine_user_task (task_key, process_instance_key, element_id,"
                  + " bpmn_process_id, state, assignee, creation_date, completion_date, content)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                  + " state = VALUES(state), assignee = VALUES(assignee),"
                  + " completion_date = VALUES(completion_date), content = VALUES(content)")) {
        for (StoredUserTask t : changes.userTasks()) {
          upsert.setLong(1, t.key());
          upsert.setLong(2, t.processInstanceKey());
          upsert.setString(3, t.elementId());
          upsert.setString(4, t.bpmnProcessId());
          upsert.setString(5, t.state());
          upsert.setString(6, t.assignee());
          upsert.setLong(7, t.creationDate());
          upsert.setLong(8, t.completionDate());
          upsert.setBytes(9, t.json());
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
    }
    if (!changes.upsertedStartTimers().isEmpty()) {
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO engine_start_timer (timer_key, content) VALUES (?, ?)"
                  + " ON DUPLICATE KEY UPDATE content = VALUES(content)")) {
        for (Map.Entry<Long, byte[]> row : changes.upsertedStartTimers().entrySet()) {
          upsert.setLong(1, row.getKey());
          upsert.setBytes(2, row.getValue());
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
    }
    if (!changes.upsertedMessages().isEmpty()) {
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO engine_message (message_key, content) VALUES (?, ?)"
                  + " ON DUPLICATE KEY UPDATE content = VALUES(content)")) {
        for (Map.Entry<Long, byte[]> row : changes.upsertedMessages().entrySet()) {
          upsert.setLong(1, row.getKey());
          upsert.setBytes(2, row.getValue());
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
    }
    if (!changes.deletedMessages().isEmpty()) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM engine_message WHERE message_key = ?")) {
        for (Long key : changes.deletedMessages()) {
          delete.setLong(1, key);
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
    if (!changes.deletedStartTimers().isEmpty()) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM engine_start_timer WHERE timer_key = ?")) {
        for (Long key : changes.deletedStartTimers()) {
          delete.setLong(1, key);
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE engine_key SET next_key = ? WHERE id = 1 AND next_key < ?")) {
      update.setLong(1, changes.nextKey());
      update.setLong(2, changes.nextKey());
      update.executeUpdate();
    }
  }

  @Override
  public java.util.Optional<FinishedInstance> findFinished(long processInstanceKey) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT instance_key, definition_key, bpmn_process_id, version, tenant_id, state,"
                    + " start_time, end_time, variables, parent_process_instance_key,"
                    + " parent_element_instance_key FROM engine_process_instance_history"
                    + " WHERE instance_key = ?")) {
      query.setLong(1, processInstanceKey);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(
            new FinishedInstance(
                row.getLong(1),
                row.getLong(2),
                row.getString(3),
                row.getInt(4),
                row.getString(5),
                row.getString(6),
                row.getLong(7),
                row.getLong(8),
                row.getBytes(9),
                row.getLong(10),
                row.getLong(11)));
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot read the history of instance " + processInstanceKey, e);
    }
  }

  @Override
  public FinishedPage searchFinished(FinishedQuery query) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> parameters = new java.util.ArrayList<>();
    in(where, parameters, "instance_key", query.keys());
    in(where, parameters, "bpmn_process_id", query.bpmnProcessIds());
    in(where, parameters, "definition_key", query.definitionKeys());
    in(where, parameters, "version", query.versions());
    in(where, parameters, "state", query.states());
    in(where, parameters, "tenant_id", query.tenantIds());
    String direction = query.descending() ? " DESC" : " ASC";
    // the same order as the engine's comparators: binary string comparison, ties by key
    String orderColumn =
        switch (query.order()) {
          case BPMN_PROCESS_ID, STATE, TENANT_ID -> "BINARY " + query.order().column;
          default -> query.order().column;
        };
    String select =
        "SELECT instance_key, definition_key, bpmn_process_id, version, tenant_id, state,"
            + " start_time, end_time, parent_process_instance_key, parent_element_instance_key"
            + " FROM engine_process_instance_history"
            + where
            + " ORDER BY "
            + orderColumn
            + direction
            + ", instance_key"
            + direction
            + " LIMIT ?";
    String count = "SELECT COUNT(*) FROM engine_process_instance_history" + where;
    try (Connection connection = dataSource.getConnection()) {
      List<FinishedInstance> items = new java.util.ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(select)) {
        int index = bind(statement, parameters);
        statement.setInt(index, query.limit());
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            items.add(
                new FinishedInstance(
                    row.getLong(1),
                    row.getLong(2),
                    row.getString(3),
                    row.getInt(4),
                    row.getString(5),
                    row.getString(6),
                    row.getLong(7),
                    row.getLong(8),
                    null,
                    row.getLong(9),
                    row.getLong(10)));
          }
        }
      }
      long total;
      try (PreparedStatement statement = connection.prepareStatement(count)) {
        bind(statement, parameters);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          total = row.getLong(1);
        }
      }
      return new FinishedPage(items, total);
    } catch (SQLException e) {
      throw new StoreException("Cannot search the history of process instances", e);
    }
  }

  private static final String ELEMENT_COLUMNS =
      "element_instance_key, process_instance_key, definition_key, bpmn_process_id, element_id,"
          + " element_name, element_type, state, start_time, end_time, incident_key,"
          + " flow_scope_key, tenant_id";

  private static FinishedElement finishedElement(ResultSet row) throws SQLException {
    return new FinishedElement(
        row.getLong(1),
        row.getLong(2),
        row.getLong(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        row.getString(8),
        row.getLong(9),
        row.getLong(10),
        row.getLong(11),
        row.getLong(12),
        row.getString(13));
  }

  @Override
  public java.util.Optional<FinishedElement> findFinishedElement(long elementInstanceKey) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT "
                    + ELEMENT_COLUMNS
                    + " FROM engine_element_instance_history WHERE element_instance_key = ?")) {
      query.setLong(1, elementInstanceKey);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? java.util.Optional.of(finishedElement(row))
            : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot read element instance " + elementInstanceKey, e);
    }
  }

  @Override
  public FinishedElementPage searchFinishedElements(FinishedElementQuery query) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    for (Map.Entry<FinishedElementColumn, List<Object>> f : query.filters().entrySet()) {
      in(where, parameters, f.getKey().column, f.getValue());
    }
    String direction = query.descending() ? " DESC" : " ASC";
    String orderColumn =
        (query.order().isText() ? "BINARY " : "") + query.order().column + direction;
    String select =
        "SELECT "
            + ELEMENT_COLUMNS
            + " FROM engine_element_instance_history"
            + where
            + " ORDER BY "
            + orderColumn
            + ", element_instance_key"
            + direction
            + " LIMIT ?";
    String count = "SELECT COUNT(*) FROM engine_element_instance_history" + where;
    try (Connection connection = dataSource.getConnection()) {
      List<FinishedElement> items = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(select)) {
        int index = bind(statement, parameters);
        statement.setInt(index, query.limit());
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            items.add(finishedElement(row));
          }
        }
      }
      long total;
      try (PreparedStatement statement = connection.prepareStatement(count)) {
        bind(statement, parameters);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          total = row.getLong(1);
        }
      }
      return new FinishedElementPage(items, total);
    } catch (SQLException e) {
      throw new StoreException("Cannot search the history of element instances", e);
    }
  }

  @Override
  public Map<String, Map<String, Long>> countFinishedElements(long processDefinitionKey) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT element_id, state, COUNT(*) FROM engine_element_instance_history"
                    + " WHERE definition_key = ? AND element_type <> 'MULTI_INSTANCE_BODY'"
                    + " GROUP BY element_id, state")) {
      query.setLong(1, processDefinitionKey);
      Map<String, Map<String, Long>> counts = new java.util.LinkedHashMap<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          counts
              .computeIfAbsent(row.getString(1), k -> new java.util.HashMap<>())
              .put(row.getString(2), row.getLong(3));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new StoreException(
          "Cannot count the element instances of process " + processDefinitionKey, e);
    }
  }

  /** Appends {@code AND column IN (?, ...)}; an empty list matches nothing, null everything. */
  private static void in(
      StringBuilder where, List<Object> parameters, String column, List<?> values) {
    if (values == null) {
      return;
    }
    if (values.isEmpty()) {
      where.append(" AND 1 = 0");
      return;
    }
    where.append(" AND ").append(column).append(" IN (");
    for (int i = 0; i < values.size(); i++) {
      where.append(i == 0 ? "?" : ", ?");
      parameters.add(values.get(i));
    }
    where.append(')');
  }

  /** Binds the parameters in order; returns the index of the next one. */
  private static int bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    int index = 1;
    for (Object value : parameters) {
      statement.setObject(index++, value);
    }
    return index;
  }

  @Override
  public java.util.Optional<byte[]> findUserTask(long userTaskKey) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT content FROM engine_user_task WHERE task_key = ?")) {
      query.setLong(1, userTaskKey);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? java.util.Optional.of(row.getBytes(1)) : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot read user task " + userTaskKey, e);
    }
  }

  @Override
  public void close() {
    // the DataSource belongs to the caller
  }

  /** The database refused or failed. */
  public static final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
