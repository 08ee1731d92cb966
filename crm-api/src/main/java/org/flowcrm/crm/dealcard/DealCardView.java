package org.flowcrm.crm.dealcard;

import java.util.List;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.shared.CursorPage;

/**
 * A deal with what its card shows: the linked contacts and the company the caller may read (others
 * are left out, as their own endpoints would answer 404), and the deal's latest activities, newest
 * first, with the cursor of the next page of {@code GET /api/v1/activities}. A part not asked for
 * with {@code include} is {@code null}.
 */
public record DealCardView(
    DealView deal,
    List<ContactView> contacts,
    CompanyView company,
    CursorPage<ActivityView> activities) {}
