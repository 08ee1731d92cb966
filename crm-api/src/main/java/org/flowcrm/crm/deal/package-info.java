/**
 * Deals and the pipelines they move through. A pipeline has ordered stages ending in one won and
 * one lost stage; {@link org.flowcrm.crm.deal.Deal#moveTo} guards every move, records it in the
 * stage history and publishes {@link org.flowcrm.crm.deal.DealStageChanged}. Other features and the
 * process workers use {@link org.flowcrm.crm.deal.DealService} and {@link
 * org.flowcrm.crm.deal.PipelineService}.
 */
package org.flowcrm.crm.deal;
