/**
 * The Zeebe gRPC gateway protocol ({@code GatewayGrpc}) served by grpc-netty: the same commands as
 * REST v2 plus job push ({@code StreamActivatedJobs}). RPCs not listed answer UNIMPLEMENTED.
 */
package org.flowcrm.engine.grpc;
