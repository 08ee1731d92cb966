/**
 * The engine's command layer: what a gateway (REST v2, gRPC) or an embedding application may ask of
 * the engine, and what it answers. Protocol-neutral; both gateways are thin adapters over it.
 */
package org.flowcrm.engine.api;
