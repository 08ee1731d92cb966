package org.flowcrm.engine.api;

import java.util.List;

/** One page of a user-task search and the number of tasks that matched in all. */
public record UserTaskSearchResult(List<UserTask> items, long total) {}
